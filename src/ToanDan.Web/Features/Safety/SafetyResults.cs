using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Safety;

/// <summary>A commune's certification picture for a year: the derived rule from its places and its own record.</summary>
/// <param name="CommuneCode">The commune.</param>
/// <param name="Year">The certification year.</param>
/// <param name="Rule">The 100 %/70 % rule computed from its places' records (TT 124/2021 Điều 5 tiêu chí 4).</param>
/// <param name="RecordId">The commune's own record for the year, if registered.</param>
/// <param name="Status">Its status.</param>
/// <param name="Result">Its decision, if decided.</param>
/// <param name="PlacesRegistered">Place records (KDC, CQ, DN, CSGD) filed under the commune for the year, whoever manages the place.</param>
/// <param name="PlacesRecognised">Of those, the places recognised ("đạt"): with the other communes' they make <c>safety.places</c>.
/// It exceeds <see cref="CommuneRuleResult.Recognised"/> only by places managed by the district or province.</param>
public sealed record CommuneSafetyResult(
    string CommuneCode, int Year, CommuneRuleResult Rule, Guid? RecordId, SafetyStatus? Status, SafetyResult? Result, int PlacesRegistered = 0, int PlacesRecognised = 0)
{
    /// <summary>True when the commune itself is recognised for the year.</summary>
    public bool IsRecognised => Result == SafetyResult.Recognised && Status is SafetyStatus.Decided or SafetyStatus.CertificateIssued;
}

/// <summary>
/// The read side other modules use (the per-commune overview, reports): per commune and year, how many of its
/// places take part, are registered and are recognised, whether the derived rule holds, and the commune's own result.
/// Always computed from records; no access check (callers check scope).
/// </summary>
public sealed class SafetyResults(ToanDanDb db)
{
    /// <summary>The day on which a commune's places are counted for a year: the last day of its window.</summary>
    public static DateOnly CountDate(int year) => SafetyRules.Window(SafetySubjectKind.Commune, year).End;

    /// <summary>One commune's result.</summary>
    public async Task<CommuneSafetyResult> CommuneAsync(string communeCode, int year, CancellationToken ct) =>
        (await CommunesAsync([communeCode], year, ct))[0];

    /// <summary>The results of several communes, in the order given.</summary>
    public async Task<IReadOnlyList<CommuneSafetyResult>> CommunesAsync(IReadOnlyCollection<string> communeCodes, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(communeCodes);
        var codes = communeCodes.Distinct(StringComparer.Ordinal).ToList();
        var date = CountDate(year);
        var places = await db.Places.AsNoTracking().ValidOn(date).Where(p => codes.Contains(p.CommuneCode))
            .Select(p => new { p.Id, p.CommuneCode, p.Kind, p.EnterpriseSize, p.SchoolLevel, p.IsArmedForces })
            .ToListAsync(ct);
        var records = await db.SafetyRecords.AsNoTracking().Where(r => r.Year == year && codes.Contains(r.UnitCode))
            .Select(r => new { r.Id, r.UnitCode, r.Kind, r.PlaceId, r.ManagedBy, r.Status, r.Result })
            .ToListAsync(ct);
        var byPlace = records.Where(r => r.PlaceId is not null).ToDictionary(r => r.PlaceId!.Value);
        var results = new List<CommuneSafetyResult>();
        foreach (var code in communeCodes)
        {
            int eligible = 0, registered = 0, recognised = 0;
            foreach (var place in places.Where(p => p.CommuneCode == code && SafetyRules.IsEligible(p.Kind, p.EnterpriseSize, p.SchoolLevel, p.IsArmedForces)))
            {
                byPlace.TryGetValue(place.Id, out var record);
                if (record is not null && record.ManagedBy != ManagingLevel.Commune)
                {
                    // Managed by the district or province: not one of the commune's places for its rule.
                    continue;
                }

                eligible++;
                if (record is not null)
                {
                    registered++;
                    if (IsRecognised(record.Status, record.Result))
                    {
                        recognised++;
                    }
                }
            }

            var own = records.FirstOrDefault(r => r.UnitCode == code && r.Kind == SafetySubjectKind.Commune);
            var placeRecords = records.Where(r => r.UnitCode == code && r.Kind != SafetySubjectKind.Commune).ToList();
            results.Add(new CommuneSafetyResult(code, year, CommuneRule.Evaluate(eligible, registered, recognised), own?.Id, own?.Status, own?.Result,
                placeRecords.Count, placeRecords.Count(r => IsRecognised(r.Status, r.Result))));
        }

        return results;
    }

    /// <summary>A record counts as recognised once decided "đạt" (with or without its certificate issued yet).</summary>
    private static bool IsRecognised(SafetyStatus status, SafetyResult? result) =>
        result == SafetyResult.Recognised && status is SafetyStatus.Decided or SafetyStatus.CertificateIssued;
}

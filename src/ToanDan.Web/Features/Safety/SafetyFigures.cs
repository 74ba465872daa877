using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// Contributes the certification figures of the year (keys in docs/figures.md): recognised communes and places
/// (<c>safety.communes</c>, <c>safety.places</c>, <c>safety.places.&lt;kind&gt;</c>), registrations, the places that
/// take part and the communes meeting the derived rule — all counted from the records of the covered communes.
/// </summary>
internal sealed class SafetyFigures(ToanDanDb db, SafetyResults results) : IAnnualFigureContributor
{
    public async Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct)
    {
        var covered = request.Scope.CoveredCodes.ToList();
        var records = await db.SafetyRecords.AsNoTracking()
            .Where(r => r.Year == request.Year && covered.Contains(r.UnitCode))
            .Select(r => new { r.Kind, r.Status, r.Result })
            .ToListAsync(ct);
        var recognised = records.Where(r => r.Result == SafetyResult.Recognised && r.Status is SafetyStatus.Decided or SafetyStatus.CertificateIssued).ToList();
        var places = recognised.Where(r => r.Kind != SafetySubjectKind.Commune).ToList();

        figures.Set("safety.communes", recognised.Count(r => r.Kind == SafetySubjectKind.Commune));
        figures.Set("safety.communes.registered", records.Count(r => r.Kind == SafetySubjectKind.Commune));
        var communeResults = await results.CommunesAsync(covered, request.Year, ct);
        figures.Set("safety.communes.ruleMet", communeResults.Count(c => c.Rule.Met));

        figures.Set("safety.places", places.Count);
        foreach (var kind in Enum.GetValues<SafetySubjectKind>().Where(k => k != SafetySubjectKind.Commune))
        {
            figures.Set($"safety.places.{kind.Key()}", places.Count(r => r.Kind == kind));
        }

        figures.Set("safety.places.registered", records.Count(r => r.Kind != SafetySubjectKind.Commune));
        figures.Set("safety.places.eligible", communeResults.Sum(c => c.Rule.Eligible));
    }
}

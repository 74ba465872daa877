using System.Security.Claims;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Accounts;

/// <summary>
/// Answers "may this user do P on a record of unit U dated D?". A role assignment on unit A covers U when,
/// on D, A is U or one of U's ancestors (the historic tree: a 2020 record of a Nam Sách commune stays
/// visible to the Nam Sách account), or when A exists today and U, followed through the reorganisations
/// since D, lies in A's subtree today (the current tree: Hải Phòng's accounts see Nam Sách's 2020
/// records), or when A was dissolved before D and covered U on its last day (the Nam Sách accounts keep
/// their former communes). Answers are cached for the request. A record outside the scope must be answered as
/// "not found", never "forbidden".
/// </summary>
public sealed class UserScopes(UnitTree tree, PermissionCatalog catalog, TimeProvider clock)
{
    private readonly Dictionary<(string Assigned, string Unit, DateOnly Date), bool> _cache = [];
    private readonly Dictionary<string, HashSet<string>> _everCovered = new(StringComparer.Ordinal);

    /// <summary>True when an assignment of <paramref name="user"/> that grants <paramref name="permission"/> covers the unit on the date.</summary>
    public async Task<bool> CanAsync(ClaimsPrincipal user, string permission, string unitCode, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var (role, assigned) in user.Assignments())
        {
            if (catalog.Grants(role, permission) && await CoversAsync(assigned, unitCode, date, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The units (codes) on which the user holds <paramref name="permission"/>.</summary>
    public static IReadOnlyList<string> UnitsWith(ClaimsPrincipal user, PermissionCatalog catalog, string permission)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return user.Assignments().Where(a => catalog.Grants(a.Role, permission)).Select(a => a.UnitCode).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every unit code that was ever inside <paramref name="assigned"/> (in any period), or that became part of
    /// it through a reorganisation; null means "everything" (national scope). Used to filter lists of records
    /// of many dates, such as the audit trail, in the database.
    /// </summary>
    public async Task<IReadOnlySet<string>?> CodesEverCoveredAsync(string assigned, CancellationToken ct)
    {
        if (assigned == RoleAssignment.NationalScope)
        {
            return null;
        }

        if (_everCovered.TryGetValue(assigned, out var known))
        {
            return known;
        }

        var codes = await tree.EverUnderAsync(assigned, ct);
        var today = VietnamTime.Today(clock);
        foreach (var commune in await tree.CommunesUnderAsync(assigned, today, ct))
        {
            var trace = await tree.PredecessorsAsync(commune.Code, today, ct, primaryOnly: true);
            codes.UnionWith(trace.Steps.Select(s => s.FromCode));
            codes.UnionWith(trace.Result.Select(r => r.Code));
        }

        _everCovered[assigned] = codes;
        return codes;
    }

    /// <summary>
    /// Every unit code whose records the user may list with <paramref name="permission"/>: the codes ever covered
    /// by each unit the user holds it on (<see cref="CodesEverCoveredAsync"/>); null means every unit (national scope).
    /// Lists filter with it in the database; single records are still checked with <c>CanAsync</c> on their date.
    /// </summary>
    public async Task<IReadOnlySet<string>?> CodesVisibleAsync(ClaimsPrincipal user, string permission, CancellationToken ct)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in UnitsWith(user, catalog, permission))
        {
            var covered = await CodesEverCoveredAsync(unit, ct);
            if (covered is null)
            {
                return null;
            }

            codes.UnionWith(covered);
        }

        return codes;
    }

    /// <summary>True when a role held on <paramref name="assigned"/> covers <paramref name="unitCode"/> as of <paramref name="date"/>.</summary>
    public async Task<bool> CoversAsync(string assigned, string unitCode, DateOnly date, CancellationToken ct)
    {
        if (assigned == RoleAssignment.NationalScope || assigned == unitCode)
        {
            return true;
        }

        if (_cache.TryGetValue((assigned, unitCode, date), out var known))
        {
            return known;
        }

        var covered = (await tree.AncestorsAsync(unitCode, date, ct)).Any(a => a.Code == assigned);
        if (!covered)
        {
            var today = VietnamTime.Today(clock);
            if (date < today && await tree.FindAsync(assigned, today, ct) is not null)
            {
                var trace = await tree.SuccessorsAsync(unitCode, date, ct, primaryOnly: true);
                foreach (var now in trace.Result)
                {
                    if (now.Code == assigned || (await tree.AncestorsAsync(now.Code, today, ct)).Any(a => a.Code == assigned))
                    {
                        covered = true;
                        break;
                    }
                }
            }
        }

        if (!covered && await tree.FindAsync(unitCode, date, ct) is null
            && (await tree.HistoryAsync(unitCode, ct)) is { Count: > 0 } unitHistory && unitHistory[^1].ValidTo is { } gone && gone <= date)
        {
            // A unit that no longer exists on the date (a merged commune): judged on its last day.
            covered = await CoversAsync(assigned, unitCode, gone.AddDays(-1), ct);
        }

        var history = covered ? [] : await tree.HistoryAsync(assigned, ct);
        if (history.Count > 0 && history[^1].ValidTo is { } end && end <= date)
        {
            // The assigned unit was dissolved before the date (huyện Nam Sách, 1 July 2025): its accounts keep
            // the units they covered on its last day, for as long as those units go on.
            var lastDay = end.AddDays(-1);
            covered = (await tree.AncestorsAsync(unitCode, lastDay, ct)).Any(a => a.Code == assigned);
        }

        if (!covered && await tree.FindAsync(unitCode, date, ct) is { Level: not UnitLevel.Commune })
        {
            // A district or province of the past (huyện Nam Sách) is covered when all its communes are.
            var communes = await tree.CommunesUnderAsync(unitCode, date, ct);
            covered = communes.Count > 0;
            foreach (var commune in communes)
            {
                if (!await CoversAsync(assigned, commune.Code, date, ct))
                {
                    covered = false;
                    break;
                }
            }
        }

        _cache[(assigned, unitCode, date)] = covered;
        return covered;
    }
}

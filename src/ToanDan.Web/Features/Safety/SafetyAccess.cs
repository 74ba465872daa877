using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// Unit scope of certification records: a user reaches a record when a role granting the permission covers the
/// record's commune at the end of its year (or today, for the current year) — the historic tree for 2020 records,
/// the current tree for accounts of today's units. Out of scope is "not found".
/// </summary>
public sealed class SafetyAccess(UserScopes scopes, PermissionCatalog catalog, TimeProvider clock)
{
    /// <summary>The date on which the scope of a year's record is judged.</summary>
    public DateOnly ScopeDate(int year)
    {
        var today = VietnamTime.Today(clock);
        var end = new DateOnly(Math.Clamp(year, 1, 9998), 12, 31);
        return end < today ? end : today;
    }

    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>True when the user holds <paramref name="permission"/> on a role covering <paramref name="unitCode"/> for <paramref name="year"/>.</summary>
    public Task<bool> CanAsync(ClaimsPrincipal user, string permission, string unitCode, int year, CancellationToken ct) =>
        scopes.CanAsync(user, permission, unitCode, ScopeDate(year), ct);

    /// <summary>The permission needed to record the decision on a record (TT 124/2021 Điều 10).</summary>
    public string DecidePermission(SafetyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SafetyRules.Authority(record.Kind, record.ManagedBy, ScopeDate(record.Year)).Level == ManagingLevel.Commune
            ? SafetyPermissions.DecideLocal
            : SafetyPermissions.DecideUpper;
    }

    /// <summary>The unit codes whose records the user may list with <paramref name="permission"/>; null means every unit.</summary>
    public Task<IReadOnlySet<string>?> VisibleUnitsAsync(ClaimsPrincipal user, string permission, CancellationToken ct) =>
        scopes.CodesVisibleAsync(user, permission, ct);

    /// <summary>The units the user holds <paramref name="permission"/> on (starting points for pages).</summary>
    public IReadOnlyList<string> UnitsWith(ClaimsPrincipal user, string permission) => UserScopes.UnitsWith(user, catalog, permission);

    /// <summary>Every code ever under <paramref name="unitCode"/> (null: national).</summary>
    public Task<IReadOnlySet<string>?> CodesUnderAsync(string unitCode, CancellationToken ct) => scopes.CodesEverCoveredAsync(unitCode, ct);
}

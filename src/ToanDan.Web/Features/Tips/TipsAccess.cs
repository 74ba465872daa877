using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// Unit scope of tips: a user sees a tip when one of their roles holding the permission covers the receiving
/// unit on the day the tip was received (historic tree, or the current tree through reorganisations — see
/// <see cref="UserScopes"/>). Anything else is "not found".
/// </summary>
public sealed class TipsAccess(UserScopes scopes, PermissionCatalog catalog)
{
    public Task<bool> CanAsync(ClaimsPrincipal user, string permission, Tip tip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return scopes.CanAsync(user, permission, tip.UnitCode, tip.ReceivedOn, ct);
    }

    public Task<bool> CanAsync(ClaimsPrincipal user, string permission, string unitCode, DateOnly on, CancellationToken ct) =>
        scopes.CanAsync(user, permission, unitCode, on, ct);

    /// <summary>The unit codes whose tips the user may list; null means every unit (national scope).</summary>
    public Task<IReadOnlySet<string>?> VisibleUnitsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        scopes.CodesVisibleAsync(user, TipsPermissions.View, ct);

    /// <summary>The units on which the user may receive tips (the units of their roles).</summary>
    public IReadOnlyList<string> IntakeUnits(ClaimsPrincipal user) => UserScopes.UnitsWith(user, catalog, TipsPermissions.Handle);
}

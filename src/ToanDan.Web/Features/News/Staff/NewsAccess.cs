using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>
/// Unit scope of the newsroom: a user sees and edits the articles of the portals of units their news roles cover
/// today; any other article is "not found". Publishing steps need <see cref="NewsPermissions.Publish"/> on the unit.
/// </summary>
public sealed class NewsAccess(UserScopes scopes, PermissionCatalog catalog, TimeProvider clock)
{
    /// <summary>True when the user holds <paramref name="permission"/> on a role that covers the article's unit.</summary>
    public Task<bool> CanAsync(ClaimsPrincipal user, string permission, string unitCode, CancellationToken ct) =>
        scopes.CanAsync(user, permission, unitCode, VietnamTime.Today(clock), ct);

    /// <summary>The unit codes whose articles the user may list; null means every unit (national scope).</summary>
    public Task<IReadOnlySet<string>?> VisibleUnitsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        scopes.CodesVisibleAsync(user, NewsPermissions.Edit, ct);

    /// <summary>The portals (units) the user may write for: the units of their news roles.</summary>
    public IReadOnlyList<string> PortalUnits(ClaimsPrincipal user) => UserScopes.UnitsWith(user, catalog, NewsPermissions.Edit);
}

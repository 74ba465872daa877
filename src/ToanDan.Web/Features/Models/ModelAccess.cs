using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models;

/// <summary>
/// Unit scope of the Models module. A model, its points, evaluations and exemplars belong to the owner unit: users
/// whose roles cover that unit see (<see cref="ModelsPermissions.View"/>) and edit (<see cref="ModelsPermissions.Edit"/>)
/// them. A linked cluster is also visible to users covering any member unit, but only the owner's side edits it
/// (its details, points, members and evaluations): the cluster is one record, built and reported by its owner.
/// Anything else is "not found".
/// </summary>
public sealed class ModelAccess(ToanDanDb db, UserScopes scopes, PermissionCatalog catalog, TimeProvider clock)
{
    /// <summary>True when the user holds <paramref name="permission"/> on a role covering <paramref name="unitCode"/> today.</summary>
    public Task<bool> CanAsync(ClaimsPrincipal user, string permission, string unitCode, CancellationToken ct) =>
        scopes.CanAsync(user, permission, unitCode, VietnamTime.Today(clock), ct);

    /// <summary>True when the user may see a model owned by <paramref name="ownerUnit"/> with these cluster members.</summary>
    public async Task<bool> CanViewAsync(ClaimsPrincipal user, string ownerUnit, IEnumerable<string> memberUnits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(memberUnits);
        if (await CanAsync(user, ModelsPermissions.View, ownerUnit, ct))
        {
            return true;
        }

        foreach (var member in memberUnits)
        {
            if (await CanAsync(user, ModelsPermissions.View, member, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The model with everything below it, when the user may see it; otherwise null ("not found").</summary>
    public async Task<MovementModel?> FindVisibleAsync(ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.MovementModels.AsSplitQuery()
            .Include(m => m.StatusChanges).Include(m => m.Points).Include(m => m.Members).Include(m => m.Evaluations);
        var model = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, ct);
        return model is not null && await CanViewAsync(user, model.UnitCode, model.Members.Select(m => m.UnitCode), ct) ? model : null;
    }

    /// <summary>The unit codes whose records the user may list with <paramref name="permission"/>; null means every unit.</summary>
    public Task<IReadOnlySet<string>?> VisibleUnitsAsync(ClaimsPrincipal user, string permission, CancellationToken ct) =>
        scopes.CodesVisibleAsync(user, permission, ct);

    /// <summary>The units of the user's roles that hold <paramref name="permission"/> (for pickers and defaults).</summary>
    public IReadOnlyList<string> UnitsWith(ClaimsPrincipal user, string permission) => UserScopes.UnitsWith(user, catalog, permission);
}

/// <summary>Filters of the Models module over <see cref="ToanDanDb"/>.</summary>
public static class ModelQueries
{
    /// <summary>Models owned by, or (clusters) having a member in, one of <paramref name="codes"/>; null keeps all.</summary>
    public static IQueryable<MovementModel> VisibleTo(this IQueryable<MovementModel> models, IReadOnlySet<string>? codes)
    {
        if (codes is null)
        {
            return models;
        }

        var list = codes.ToList();
        return models.Where(m => list.Contains(m.UnitCode) || m.Members.Any(c => list.Contains(c.UnitCode)));
    }
}

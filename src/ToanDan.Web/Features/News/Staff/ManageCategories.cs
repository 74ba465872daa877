using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>
/// The categories of a portal: create, rename (the slug stays), move up or down, hide or show. Needs
/// <see cref="NewsPermissions.Publish"/> on the portal's unit; a category of another unit is not found. Every
/// change is audited (<see cref="Category"/> is audited field by field).
/// </summary>
public static class ManageCategories
{
    public const string StaleMessage = "Chuyên mục đã được người khác sửa sau khi bạn mở trang. Hãy tải lại trang rồi sửa lại.";

    /// <summary>A category as the page lists it, with the number of its articles (any status).</summary>
    public sealed record Row(Guid Id, string Name, string Slug, int Position, bool IsHidden, int Version, int Articles);

    public enum Direction
    {
        Up,
        Down,
    }

    public sealed class Handler(ToanDanDb db, PermissionCatalog catalog, NewsAccess access)
    {
        /// <summary>The units whose categories the user may manage (the units of their publishing roles).</summary>
        public IReadOnlyList<string> Units(ClaimsPrincipal user) => UserScopes.UnitsWith(user, catalog, NewsPermissions.Publish);

        /// <summary>True when the user may manage the categories of <paramref name="unit"/>.</summary>
        public Task<bool> CanManageAsync(ClaimsPrincipal user, string unit, CancellationToken ct) =>
            access.CanAsync(user, NewsPermissions.Publish, unit, ct);

        public async Task<IReadOnlyList<Row>> ListAsync(string unit, CancellationToken ct)
        {
            var counts = await db.Articles.AsNoTracking().Where(a => a.UnitCode == unit && a.CategoryId != null)
                .GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
            var categories = await db.Categories.AsNoTracking().Where(c => c.UnitCode == unit).OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
            return categories.Select(c => new Row(c.Id, c.Name, c.Slug, c.Position, c.IsHidden, c.Version, counts.GetValueOrDefault(c.Id))).ToList();
        }

        public async Task<Result<Guid>> CreateAsync(ClaimsPrincipal user, string unit, string? name, CancellationToken ct)
        {
            if (!await CanManageAsync(user, unit, ct))
            {
                return Error.NotFound("Không tìm thấy cổng thông tin này.");
            }

            var position = await db.Categories.Where(c => c.UnitCode == unit).Select(c => (int?)c.Position).MaxAsync(ct) ?? -1;
            var created = Category.Create(unit, name ?? "", position + 1);
            if (!created.IsSuccess)
            {
                return Result<Guid>.Failure(created.Errors);
            }

            var category = created.Value;
            if (await db.Categories.AnyAsync(c => c.UnitCode == unit && (c.Slug == category.Slug || c.Name == category.Name), ct))
            {
                return Error.Conflict($"Cổng này đã có chuyên mục “{category.Name}” (hoặc cùng đường dẫn /chuyen-muc/{category.Slug}).", nameof(Category.Name));
            }

            db.Categories.Add(category);
            return await SaveAsync(category.Id, ct);
        }

        public async Task<Result<Guid>> RenameAsync(ClaimsPrincipal user, Guid id, string? name, int version, CancellationToken ct)
        {
            var found = await FindAsync(user, id, ct);
            if (!found.IsSuccess)
            {
                return Result<Guid>.Failure(found.Errors);
            }

            var category = found.Value;
            if (category.Version != version)
            {
                return Error.Conflict(StaleMessage);
            }

            if (category.Rename(name ?? "") is { } error)
            {
                return error;
            }

            if (await db.Categories.AnyAsync(c => c.UnitCode == category.UnitCode && c.Id != id && c.Name == category.Name, ct))
            {
                return Error.Conflict($"Cổng này đã có chuyên mục “{category.Name}”.", nameof(Category.Name));
            }

            return await SaveAsync(id, ct);
        }

        public async Task<Result<Guid>> SetHiddenAsync(ClaimsPrincipal user, Guid id, bool hidden, CancellationToken ct)
        {
            var found = await FindAsync(user, id, ct);
            if (!found.IsSuccess)
            {
                return Result<Guid>.Failure(found.Errors);
            }

            found.Value.SetHidden(hidden);
            return await SaveAsync(id, ct);
        }

        /// <summary>Swaps the category with its neighbour; positions of the portal are renumbered 0, 1, 2…</summary>
        public async Task<Result<Guid>> MoveAsync(ClaimsPrincipal user, Guid id, Direction direction, CancellationToken ct)
        {
            var found = await FindAsync(user, id, ct);
            if (!found.IsSuccess)
            {
                return Result<Guid>.Failure(found.Errors);
            }

            var all = await db.Categories.Where(c => c.UnitCode == found.Value.UnitCode).OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
            var index = all.FindIndex(c => c.Id == id);
            var other = direction == Direction.Up ? index - 1 : index + 1;
            if (other >= 0 && other < all.Count)
            {
                (all[index], all[other]) = (all[other], all[index]);
            }

            for (var i = 0; i < all.Count; i++)
            {
                all[i].MoveTo(i);
            }

            return await SaveAsync(id, ct);
        }

        private async Task<Result<Category>> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
        {
            var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
            return category is null || !await CanManageAsync(user, category.UnitCode, ct)
                ? Error.NotFound("Không tìm thấy chuyên mục này.")
                : category;
        }

        private async Task<Result<Guid>> SaveAsync(Guid id, CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent change (version) or a name taken at the same moment (unique slug).
                return Error.Conflict(StaleMessage);
            }

            return id;
        }
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News.Staff;

namespace ToanDan.Web.Features.Media;

/// <summary>The library as staff see it: images of the units in their news scope, newest first.</summary>
public static class ListMedia
{
    public const int MaxRows = 200;

    public sealed record Row(MediaImage Image, string UnitCode, string FileName, long UploadedBytes, long StoredBytes, DateTime CreatedAtUtc, string CreatedBy);

    public sealed class Handler(ToanDanDb db, NewsAccess access)
    {
        /// <summary>Images in scope; <paramref name="unitCode"/> narrows to one unit's library (the article's portal).</summary>
        public async Task<IReadOnlyList<Row>> HandleAsync(ClaimsPrincipal user, string? unitCode, CancellationToken ct)
        {
            var units = await access.VisibleUnitsAsync(user, ct);
            var items = db.MediaItems.AsNoTracking();
            if (units is not null)
            {
                var codes = units.ToList();
                items = items.Where(m => codes.Contains(m.UnitCode));
            }

            if (unitCode is not null)
            {
                items = items.Where(m => m.UnitCode == unitCode);
            }

            var rows = await items.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id).Take(MaxRows).ToListAsync(ct);
            return rows.Select(m => new Row(m.ToImage(), m.UnitCode, m.FileName, m.UploadedBytes, m.StoredBytes, m.CreatedAtUtc, m.CreatedBy)).ToList();
        }

        /// <summary>The images with these ids in one unit's library (for an article's cover and figures).</summary>
        public async Task<IReadOnlyDictionary<Guid, MediaImage>> FindAsync(string unitCode, IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            if (ids.Count == 0)
            {
                return new Dictionary<Guid, MediaImage>();
            }

            var list = ids.ToList();
            var items = await db.MediaItems.AsNoTracking().Where(m => list.Contains(m.Id) && m.UnitCode == unitCode).ToListAsync(ct);
            return items.ToDictionary(m => m.Id, m => m.ToImage());
        }
    }
}

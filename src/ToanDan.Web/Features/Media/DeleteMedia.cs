using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Media;

/// <summary>
/// Removes an image from the library (audited as a delete of the item) and its files. An image still used as an
/// article's cover or figure is refused, naming the article, so no page ever points at a missing file.
/// </summary>
public static class DeleteMedia
{
    public sealed class Handler(ToanDanDb db, NewsAccess access, MediaStorage storage, ILogger<Handler> logger)
    {
        public async Task<Result<bool>> HandleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
        {
            var item = await db.MediaItems.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (item is null || !await access.CanAsync(user, NewsPermissions.Edit, item.UnitCode, ct))
            {
                return Error.NotFound("Không tìm thấy ảnh này.");
            }

            var usedBy = await db.Articles.AsNoTracking()
                .Where(a => a.CoverMediaId == id || a.Figures.Any(f => f.MediaId == id))
                .Select(a => a.Title).FirstOrDefaultAsync(ct);
            if (usedBy is not null)
            {
                return Error.Conflict($"Ảnh đang được dùng trong bài “{usedBy}”: hãy bỏ ảnh khỏi bài trước khi xóa.");
            }

            db.MediaItems.Remove(item);
            await db.SaveChangesAsync(ct);
            storage.Delete(id);
            MediaLog.Deleted(logger, id);
            return true;
        }
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>
/// Puts an article among the home page's featured news, or takes it off (<see cref="NewsPermissions.Publish"/> on its
/// unit; out of scope is not found). Audited as <c>news.feature</c> / <c>news.unfeature</c>.
/// </summary>
public static class FeatureArticle
{
    public sealed record Command(Guid Id, bool Featured);

    public sealed class Handler(ToanDanDb db, NewsAccess access, TimeProvider clock)
    {
        public async Task<Result<bool>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == input.Id, ct);
            if (article is null || !await access.CanAsync(user, NewsPermissions.Edit, article.UnitCode, ct))
            {
                return Error.NotFound("Không tìm thấy bài này.");
            }

            if (!await access.CanAsync(user, NewsPermissions.Publish, article.UnitCode, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Chỉ Trưởng ban biên tập được chọn tin nổi bật.");
            }

            if (article.IsFeatured == input.Featured)
            {
                return input.Featured;
            }

            if (article.SetFeatured(input.Featured, clock.GetUtcNow().UtcDateTime) is { } error)
            {
                return error;
            }

            db.Audit?.Add("News", nameof(Article), article.Id.ToString(), input.Featured ? "news.feature" : "news.unfeature", article.UnitCode, null);
            await db.SaveChangesAsync(ct);
            return input.Featured;
        }
    }
}

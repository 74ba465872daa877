using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>The newsroom list: articles of the portals in the user's scope, filtered by status, category and words of the text (without diacritics).</summary>
public static class ListArticles
{
    public const int MaxRows = 200;

    public sealed record Query(ArticleStatus? Status, Guid? CategoryId, string? Text);

    public sealed record Row(Guid Id, string UnitCode, string Title, ArticleStatus Status, string? CategoryName, string? Author, DateTime UpdatedAtUtc, DateTime? PublishAtUtc);

    public sealed class Handler(ToanDanDb db, NewsAccess access)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(ClaimsPrincipal user, Query query, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            var units = await access.VisibleUnitsAsync(user, ct);
            var articles = db.Articles.AsNoTracking();
            if (units is not null)
            {
                var codes = units.ToList();
                articles = articles.Where(a => codes.Contains(a.UnitCode));
            }

            if (query.Status is { } status)
            {
                articles = articles.Where(a => a.Status == status);
            }

            if (query.CategoryId is { } category)
            {
                articles = articles.Where(a => a.CategoryId == category);
            }

            // Every word must appear, in any order: "tuan tra thanh quang" finds "Tuần tra đêm ở xã Thanh Quang".
            foreach (var word in VietnameseText.Fold(query.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))
            {
                articles = articles.Where(a => a.SearchText.Contains(word));
            }

            return await articles
                .OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id)
                .Take(MaxRows)
                .Select(a => new Row(a.Id, a.UnitCode, a.Title, a.Status,
                    db.Categories.Where(c => c.Id == a.CategoryId).Select(c => c.Name).FirstOrDefault(), a.Author, a.UpdatedAtUtc, a.PublishAtUtc))
                .ToListAsync(ct);
        }

        /// <summary>The categories of the portals in scope, for the filter and the form.</summary>
        public async Task<IReadOnlyList<(Guid Id, string UnitCode, string Name)>> CategoriesAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var units = await access.VisibleUnitsAsync(user, ct);
            var query = db.Categories.AsNoTracking();
            if (units is not null)
            {
                var codes = units.ToList();
                query = query.Where(c => codes.Contains(c.UnitCode));
            }

            var list = await query.OrderBy(c => c.UnitCode).ThenBy(c => c.Position).Select(c => new { c.Id, c.UnitCode, c.Name }).ToListAsync(ct);
            return list.Select(c => (c.Id, c.UnitCode, c.Name)).ToList();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.News;

/// <summary>An article in a list: enough for a headline with its date.</summary>
public sealed record ArticleSummary(Guid Id, string Title, string Slug, string Lead, DateTime PublishedAtUtc, Guid? CategoryId);

/// <summary>A page of a list of articles.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>A published article ready to show; <see cref="BodyHtml"/> is already sanitised.</summary>
public sealed record PublishedArticle(
    Guid Id,
    string UnitCode,
    string Title,
    string Slug,
    string Lead,
    string BodyHtml,
    string? Author,
    string? CategoryName,
    string? CategorySlug,
    IReadOnlyList<string> Tags,
    DateTime CreatedAtUtc,
    DateTime PublishedAtUtc,
    bool FoundByFormerSlug,
    Media.MediaImage? Cover = null);

/// <summary>
/// What the public portal may read of a unit's news: only articles published at the current time of the injected
/// <see cref="TimeProvider"/> (<see cref="ArticleQueries.PublishedAt"/>), so scheduled articles appear on time
/// without a background job.
/// </summary>
public sealed class PublishedArticles(ToanDanDb db, ArticleHtml html, TimeProvider clock)
{
    /// <summary>Articles per page.</summary>
    public const int PageSize = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A page (from 1) of the unit's published articles, newest first, optionally of one category (its slug).</summary>
    public async Task<ArticlePage> ListAsync(string unitCode, string? categorySlug, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.Articles.AsNoTracking().Where(a => a.UnitCode == unitCode).PublishedAt(Now);
        if (!string.IsNullOrEmpty(categorySlug))
        {
            var category = await db.Categories.AsNoTracking().Where(c => c.UnitCode == unitCode && c.Slug == categorySlug).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            query = query.Where(a => a.CategoryId == category);
        }

        var total = await query.CountAsync(ct);
        var items = await Newest(query).Skip((page - 1) * PageSize).Take(PageSize).Select(Summary).ToListAsync(ct);
        return new ArticlePage(items, page, PageSize, total);
    }

    /// <summary>The portal's categories (name and slug) in their display order.</summary>
    public async Task<IReadOnlyList<(string Name, string Slug)>> CategoriesAsync(string unitCode, CancellationToken ct) =>
        (await db.Categories.AsNoTracking().Where(c => c.UnitCode == unitCode).OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Name, c.Slug }).ToListAsync(ct))
        .Select(c => (c.Name, c.Slug)).ToList();

    /// <summary>The published article with this slug, or with this former slug (then <see cref="PublishedArticle.FoundByFormerSlug"/>: redirect permanently).</summary>
    public async Task<PublishedArticle?> GetBySlugAsync(string unitCode, string slug, CancellationToken ct)
    {
        var now = Now;
        var article = await db.Articles.AsNoTracking().Include(a => a.Figures)
            .Where(a => a.UnitCode == unitCode && a.Slug == slug).PublishedAt(now).SingleOrDefaultAsync(ct);
        var former = false;
        if (article is null)
        {
            var id = await db.ArticleSlugs.AsNoTracking().Where(s => s.UnitCode == unitCode && s.Slug == slug).Select(s => (Guid?)s.ArticleId).FirstOrDefaultAsync(ct);
            article = id is null ? null : await db.Articles.AsNoTracking().Include(a => a.Figures).Where(a => a.Id == id).PublishedAt(now).SingleOrDefaultAsync(ct);
            former = article is not null;
        }

        if (article is null)
        {
            return null;
        }

        var category = article.CategoryId is null ? null
            : await db.Categories.AsNoTracking().Where(c => c.Id == article.CategoryId).Select(c => new { c.Name, c.Slug }).FirstOrDefaultAsync(ct);
        var figures = article.Figures.OrderBy(f => f.Position).Select(f => f.ToContent()).ToList();
        var mediaIds = figures.Where(f => f.MediaId is not null).Select(f => f.MediaId!.Value).ToList();
        if (article.CoverMediaId is { } coverId)
        {
            mediaIds.Add(coverId);
        }

        var media = mediaIds.Count == 0 ? new Dictionary<Guid, Media.MediaImage>()
            : (await db.MediaItems.AsNoTracking().Where(m => mediaIds.Contains(m.Id) && m.UnitCode == article.UnitCode).ToListAsync(ct)).ToDictionary(m => m.Id, m => m.ToImage());
        var cover = article.CoverMediaId is { } cid && media.TryGetValue(cid, out var found) ? found : null;
        return new PublishedArticle(article.Id, article.UnitCode, article.Title, article.Slug, article.Lead, html.Render(article.Body, figures, media),
            article.Author, category?.Name, category?.Slug, article.TagList, article.CreatedAtUtc, article.PublishAtUtc ?? article.CreatedAtUtc, former, cover);
    }

    /// <summary>"Các tin khác": the portal's other published articles, newest first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> OtherNewsAsync(Guid articleId, int count, CancellationToken ct)
    {
        var unit = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.UnitCode).SingleOrDefaultAsync(ct);
        if (unit is null)
        {
            return [];
        }

        return await Newest(db.Articles.AsNoTracking().Where(a => a.UnitCode == unit && a.Id != articleId).PublishedAt(Now))
            .Take(count).Select(Summary).ToListAsync(ct);
    }

    /// <summary>
    /// Related articles: those the editor chose (in their order), then others of the portal ranked by shared tags
    /// (two points each) and the same category (one point), newest first among equals. Published ones only.
    /// </summary>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(Guid articleId, int count, CancellationToken ct)
    {
        var now = Now;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.UnitCode, a.Tags, a.CategoryId }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return [];
        }

        var chosenIds = await db.ArticleLinks.AsNoTracking().Where(l => l.ArticleId == articleId).OrderBy(l => l.Position).Select(l => l.RelatedId).ToListAsync(ct);
        var chosen = await db.Articles.AsNoTracking().Where(a => chosenIds.Contains(a.Id) && a.UnitCode == article.UnitCode).PublishedAt(now).Select(Summary).ToListAsync(ct);
        var result = chosen.OrderBy(a => chosenIds.IndexOf(a.Id)).Take(count).ToList();
        if (result.Count >= count)
        {
            return result;
        }

        var tags = Article.SplitTags(article.Tags).Select(t => t.ToLowerInvariant()).ToHashSet();
        var candidates = await Newest(db.Articles.AsNoTracking().Where(a => a.UnitCode == article.UnitCode && a.Id != articleId).PublishedAt(now))
            .Take(500).Select(a => new { Summary = new ArticleSummary(a.Id, a.Title, a.Slug, a.Lead, a.PublishAtUtc ?? a.CreatedAtUtc, a.CategoryId), a.Tags }).ToListAsync(ct);
        var automatic = candidates
            .Where(c => result.All(r => r.Id != c.Summary.Id))
            .Select(c => (c.Summary, Score: (2 * Article.SplitTags(c.Tags).Count(t => tags.Contains(t.ToLowerInvariant()))) + (article.CategoryId is not null && c.Summary.CategoryId == article.CategoryId ? 1 : 0)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Summary.PublishedAtUtc)
            .Select(c => c.Summary);
        result.AddRange(automatic.Take(count - result.Count));
        return result;
    }

    private static IQueryable<Article> Newest(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishAtUtc).ThenByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id);

    private static readonly System.Linq.Expressions.Expression<Func<Article, ArticleSummary>> Summary =
        a => new ArticleSummary(a.Id, a.Title, a.Slug, a.Lead, a.PublishAtUtc ?? a.CreatedAtUtc, a.CategoryId);
}

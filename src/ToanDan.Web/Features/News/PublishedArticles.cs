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

/// <summary>A search result: the article, its lead and the plain text of its body (for the snippet), and its rank (higher is better).</summary>
public sealed record SearchResult(ArticleSummary Article, string BodyText, double Rank);

/// <summary>A page of search results; <see cref="Terms"/> are the folded terms searched for (empty: nothing was searched).</summary>
public sealed record SearchPage(IReadOnlyList<string> Terms, IReadOnlyList<SearchResult> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>One row of the engine's full-text match: the article and its rank (higher is better); columns <c>article_id</c>, <c>rank</c> (snake-case naming convention).</summary>
public sealed record SearchHit(Guid ArticleId, double Rank);

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
            // A hidden or unknown category lists nothing (never the articles without a category).
            var category = await db.Categories.AsNoTracking().Where(c => c.UnitCode == unitCode && c.Slug == categorySlug && !c.IsHidden).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (category is null)
            {
                return new ArticlePage([], page, PageSize, 0);
            }

            query = query.Where(a => a.CategoryId == category);
        }

        var total = await query.CountAsync(ct);
        var items = await Newest(query).Skip((page - 1) * PageSize).Take(PageSize).Select(Summary).ToListAsync(ct);
        return new ArticlePage(items, page, PageSize, total);
    }

    /// <summary>The portal's visible categories (name and slug) in their display order.</summary>
    public async Task<IReadOnlyList<(string Name, string Slug)>> CategoriesAsync(string unitCode, CancellationToken ct) =>
        (await db.Categories.AsNoTracking().Where(c => c.UnitCode == unitCode && !c.IsHidden).OrderBy(c => c.Position).ThenBy(c => c.Name)
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

    /// <summary>The featured articles of the portal (<see cref="Article.IsFeatured"/>), published, newest first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> FeaturedAsync(string unitCode, int count, CancellationToken ct) =>
        await Newest(db.Articles.AsNoTracking().Where(a => a.UnitCode == unitCode && a.IsFeatured).PublishedAt(Now)).Take(count).Select(Summary).ToListAsync(ct);

    /// <summary>The latest <paramref name="perCategory"/> published articles of each visible category, in the categories' order; empty categories are left out.</summary>
    public async Task<IReadOnlyList<(string Name, string Slug, IReadOnlyList<ArticleSummary> Items)>> LatestByCategoryAsync(string unitCode, int perCategory, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.UnitCode == unitCode && !c.IsHidden).OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(ct);
        var result = new List<(string, string, IReadOnlyList<ArticleSummary>)>();
        foreach (var category in categories)
        {
            var items = await Newest(db.Articles.AsNoTracking().Where(a => a.UnitCode == unitCode && a.CategoryId == category.Id).PublishedAt(Now))
                .Take(perCategory).Select(Summary).ToListAsync(ct);
            if (items.Count > 0)
            {
                result.Add((category.Name, category.Slug, items));
            }
        }

        return result;
    }

    /// <summary>
    /// A page of the unit's published articles carrying the tag with this slug (<see cref="Article.TagSlugs"/>), newest
    /// first, and the tag as written on the newest of them; null when no published article has it.
    /// </summary>
    public async Task<(string Name, ArticlePage Listing)?> ListByTagAsync(string unitCode, string tagSlug, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        if (tagSlug.Length == 0 || tagSlug.Length > Article.TagMaxLength || tagSlug.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }

        var marker = "|" + tagSlug + "|";
        var query = db.Articles.AsNoTracking().Where(a => a.UnitCode == unitCode && a.TagSlugs.Contains(marker)).PublishedAt(Now);
        var total = await query.CountAsync(ct);
        if (total == 0)
        {
            return null;
        }

        var tags = await Newest(query).Select(a => a.Tags).FirstAsync(ct);
        var name = Article.SplitTags(tags).FirstOrDefault(t => Infrastructure.Text.VietnameseText.Slug(t, Article.TagMaxLength) == tagSlug) ?? tagSlug;
        var items = await Newest(query).Skip((page - 1) * PageSize).Take(PageSize).Select(Summary).ToListAsync(ct);
        return (name, new ArticlePage(items, page, PageSize, total));
    }

    /// <summary>Search results per page.</summary>
    public const int SearchPageSize = 10;

    /// <summary>
    /// Full-text search of the unit's published articles (<see cref="ArticleSearch"/>): every term must match the
    /// folded title, lead, author, tags, body or captions; ranked by the engine (title first, then lead and tags, then
    /// body), newest first among equals. A query without terms searches nothing.
    /// </summary>
    public async Task<SearchPage> SearchAsync(string unitCode, string? query, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var terms = ArticleSearch.Parse(query);
        if (terms.Count == 0)
        {
            return new SearchPage(terms, [], page, SearchPageSize, 0);
        }

        var hits = db.Provider == DatabaseProvider.PostgreSql
            ? db.Database.SqlQuery<SearchHit>($"""
                SELECT a.id AS article_id, ts_rank(a.search_vector, q.query)::float8 AS rank
                FROM articles a CROSS JOIN plainto_tsquery('simple', {ArticleSearch.PlainQuery(terms)}) AS q(query)
                WHERE a.search_vector @@ q.query
                """)
            : db.Database.SqlQuery<SearchHit>($"""
                SELECT article_id, -bm25(article_search, 0.0, 10.0, 3.0, 1.0) AS rank
                FROM article_search WHERE article_search MATCH {ArticleSearch.Fts5Expression(terms)}
                """);
        var matches =
            from hit in hits
            join article in db.Articles.AsNoTracking().Where(a => a.UnitCode == unitCode).PublishedAt(Now) on hit.ArticleId equals article.Id
            select new { hit.Rank, Article = article };
        var total = await matches.CountAsync(ct);
        var rows = await matches
            .OrderByDescending(m => m.Rank).ThenByDescending(m => m.Article.PublishAtUtc).ThenByDescending(m => m.Article.Id)
            .Skip((page - 1) * SearchPageSize).Take(SearchPageSize)
            .Select(m => new
            {
                m.Rank,
                Summary = new ArticleSummary(m.Article.Id, m.Article.Title, m.Article.Slug, m.Article.Lead, m.Article.PublishAtUtc ?? m.Article.CreatedAtUtc, m.Article.CategoryId),
                m.Article.Body,
            })
            .ToListAsync(ct);
        return new SearchPage(terms, rows.Select(r => new SearchResult(r.Summary, ArticleSearch.PlainText(r.Body), r.Rank)).ToList(), page, SearchPageSize, total);
    }

    private static IQueryable<Article> Newest(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishAtUtc).ThenByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id);

    private static readonly System.Linq.Expressions.Expression<Func<Article, ArticleSummary>> Summary =
        a => new ArticleSummary(a.Id, a.Title, a.Slug, a.Lead, a.PublishAtUtc ?? a.CreatedAtUtc, a.CategoryId);
}

namespace ToanDan.Web.Features.News;

/// <summary>Reusable article filters.</summary>
public static class ArticleQueries
{
    /// <summary>
    /// Articles the public may read at <paramref name="nowUtc"/>: published, or scheduled for a time that has
    /// passed. Scheduling needs no background job: an article "becomes" published when a query runs after its
    /// time, with the time taken from the injected <see cref="TimeProvider"/>.
    /// </summary>
    public static IQueryable<Article> PublishedAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published || (a.Status == ArticleStatus.Scheduled && a.PublishAtUtc <= nowUtc));
}

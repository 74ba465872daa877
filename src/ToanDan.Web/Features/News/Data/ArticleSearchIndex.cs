using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.News.Data;

/// <summary>
/// The full-text index of articles on each engine. Every article is indexed whatever its status: whether it is
/// public is decided at query time (<see cref="ArticleQueries.PublishedAt"/>), so publishing, scheduling and
/// withdrawing need no index update and a scheduled article is found from its time on.
/// <list type="bullet">
/// <item>PostgreSQL: a stored generated <c>tsvector</c> column <c>articles.search_vector</c> ('simple' configuration
/// over the folded columns: title weight A, title/lead/author/tags B, body C) with a GIN index, both in the
/// migration. The database keeps it in step with every write.</item>
/// <item>SQLite: an FTS5 table <c>article_search</c> over the same folded columns, filled by triggers on
/// <c>articles</c> (insert, update of the folded columns, delete). EF Core cannot model a virtual table, and
/// SQLite migrations that rebuild <c>articles</c> drop its triggers, so <see cref="EnsureSqliteAsync"/> (run after
/// every migration, i.e. at each start) creates whatever is missing and refills the table when it is out of step.</item>
/// </list>
/// </summary>
public static class ArticleSearchIndex
{
    /// <summary>The shadow property (PostgreSQL only) holding the weighted tsvector.</summary>
    public const string VectorProperty = "SearchVector";

    /// <summary>The FTS5 table on SQLite.</summary>
    public const string Fts5Table = "article_search";

    private const string CreateTable =
        "CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, title, summary, body, tokenize = 'unicode61 remove_diacritics 0')";

    private static readonly string[] Triggers =
    [
        """
        CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search (article_id, title, summary, body) VALUES (new.id, new.search_title, new.search_text, new.search_body);
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS articles_search_update AFTER UPDATE OF search_title, search_text, search_body ON articles BEGIN
            DELETE FROM article_search WHERE article_id = old.id;
            INSERT INTO article_search (article_id, title, summary, body) VALUES (new.id, new.search_title, new.search_text, new.search_body);
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_search WHERE article_id = old.id;
        END
        """,
    ];

    /// <summary>
    /// PostgreSQL model: the generated tsvector column and its GIN index (called by <see cref="PostgreSqlToanDanDb"/>).
    /// Every run of non-alphanumeric characters becomes a space first, so PostgreSQL's parser splits words exactly as
    /// <see cref="ArticleSearch.Parse"/> and FTS5 do (left alone, it would skip "&lt;script&gt;" as an HTML tag and keep
    /// "covid-19" or e-mail addresses as single tokens).
    /// </summary>
    public static void ConfigurePostgreSql(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<Article>(article =>
        {
            article.Property<NpgsqlTsVector>(VectorProperty)
                .HasComputedColumnSql(
                    "setweight(to_tsvector('simple'::regconfig, regexp_replace(search_title, '[^[:alnum:]]+', ' ', 'g')), 'A') || "
                    + "setweight(to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g')), 'B') || "
                    + "setweight(to_tsvector('simple'::regconfig, regexp_replace(search_body, '[^[:alnum:]]+', ' ', 'g')), 'C')",
                    stored: true);
            article.HasIndex(VectorProperty).HasMethod("GIN");
        });
    }

    /// <summary>
    /// SQLite: creates the FTS5 table and its triggers when missing (or when the table's definition changed) and
    /// refills the table when its row count differs from the articles'. Idempotent; a no-op on PostgreSQL.
    /// </summary>
    public static async Task EnsureSqliteAsync(ToanDanDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var existing = await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {Fts5Table}").ToListAsync(ct);
        var rebuild = false;
        if (existing.Count == 0 || existing[0] != CreateTable)
        {
            if (existing.Count > 0)
            {
                await db.Database.ExecuteSqlRawAsync("DROP TABLE article_search", ct);
            }

            await db.Database.ExecuteSqlRawAsync(CreateTable, ct);
            rebuild = true;
        }

        foreach (var trigger in Triggers)
        {
            await db.Database.ExecuteSqlRawAsync(trigger, ct);
        }

        if (!rebuild)
        {
            var indexed = await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM article_search").SingleAsync(ct);
            rebuild = indexed != await db.Articles.CountAsync(ct);
        }

        if (rebuild)
        {
            await RebuildSqliteAsync(db, ct);
        }
    }

    /// <summary>
    /// Fills the folded columns of articles written before they existed (an empty <see cref="Article.SearchTitle"/>:
    /// every title has a letter), in batches; the triggers or the generated column then index them.
    /// </summary>
    public static async Task<int> BackfillAsync(ToanDanDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Articles.Where(a => a.SearchTitle == "").Select(a => a.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(200))
        {
            var batch = await db.Articles.Include(a => a.Figures).Where(a => chunk.Contains(a.Id)).ToListAsync(ct);
            foreach (var article in batch)
            {
                article.Reindex();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }

    /// <summary>SQLite: refills the FTS5 table from the articles in one transaction.</summary>
    public static async Task RebuildSqliteAsync(ToanDanDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM article_search", ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO article_search (article_id, title, summary, body) SELECT id, search_title, search_text, search_body FROM articles", ct);
        await transaction.CommitAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News.Data;

namespace ToanDan.Web.Infrastructure.Data;

/// <summary>Applies EF Core migrations: always for SQLite at start, for PostgreSQL by <c>migrate</c> or <c>Database:AutoMigrate=true</c>.</summary>
public static class DatabaseMigrator
{
    /// <summary>True when the web host should migrate at start.</summary>
    public static bool ShouldMigrateAtStart(IConfiguration configuration, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return provider == DatabaseProvider.Sqlite || configuration.GetValue("Database:AutoMigrate", false);
    }

    /// <summary>Applies pending migrations and returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
        }

        // Articles saved before the search columns existed get them now (a no-op once done).
        await ArticleSearchIndex.BackfillAsync(db, ct);

        // What migrations cannot hold on SQLite: the FTS5 search table and its triggers (see ArticleSearchIndex).
        await ArticleSearchIndex.EnsureSqliteAsync(db, ct);

        return pending;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ToanDan.Web.Data;

namespace ToanDan.Web.Infrastructure.Data;

/// <summary>Database configuration: <c>Database:Provider</c> (Sqlite | PostgreSql) and <c>ConnectionStrings:ToanDan</c>.</summary>
public static class DatabaseSetup
{
    /// <summary>The SQLite database used when no connection string is configured.</summary>
    public const string DefaultSqliteConnection = "Data Source=data/toandan.db";

    /// <summary>Reads the configured provider; an unknown value is a startup error, never a silent default.</summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (value.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) || value.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.PostgreSql;
        }

        throw new InvalidOperationException($"Database:Provider '{value}' không được hỗ trợ; dùng Sqlite hoặc PostgreSql.");
    }

    /// <summary>
    /// The connection string, with a relative SQLite path resolved against <paramref name="contentRoot"/>
    /// and its folder created, so the app finds the same file whatever the working directory.
    /// </summary>
    public static string ReadConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString("ToanDan");
        if (provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider=PostgreSql cần ConnectionStrings:ToanDan.")
                : configured;
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnection : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            if (!Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Pooling keeps connections (and their PRAGMAs) warm; the interceptor sets them on every open anyway.
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// Registers <see cref="ToanDanDb"/> for the configured provider, with every <see cref="IInterceptor"/> that modules
    /// register as a service (e.g. the portal's output-cache invalidation after content saves). The options are
    /// built once (singleton), not for every request's context, so interceptors must be singletons too.
    /// </summary>
    public static IServiceCollection AddToanDanDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = ReadConnectionString(configuration, provider, contentRoot);
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqliteToanDanDb>((sp, options) => ConfigureSqlite(options, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
            services.AddScoped<ToanDanDb>(sp => sp.GetRequiredService<SqliteToanDanDb>());
        }
        else
        {
            services.AddDbContext<PostgreSqlToanDanDb>((sp, options) => ConfigurePostgreSql(options, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
            services.AddScoped<ToanDanDb>(sp => sp.GetRequiredService<PostgreSqlToanDanDb>());
        }

        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqlitePragmas.Instance);

    internal static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}

/// <summary>
/// Sets SQLite's durability PRAGMAs on every connection: WAL journal (set once per file, kept by SQLite),
/// synchronous=FULL so an acknowledged commit survives a power cut, and a busy timeout for concurrent writers.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();

        // EF opens read-only connections to probe whether the file exists; those cannot switch the journal.
        var readOnly = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
        command.CommandText = readOnly ? "PRAGMA busy_timeout=10000;" : Pragmas;
        command.ExecuteNonQuery();
    }
}

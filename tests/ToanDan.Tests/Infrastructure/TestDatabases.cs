using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using ToanDan.Web;
using ToanDan.Web.Infrastructure.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Infrastructure;

/// <summary>What a fresh test database starts with.</summary>
public enum TestData
{
    /// <summary>Migrated, no rows.</summary>
    Empty,

    /// <summary>What <c>--demo</c> creates: national catalogues and the Nam Sách places.</summary>
    Demo,
}

/// <summary>
/// A database engine the tests run on. Each test class gets its own database, copied from a template
/// that is built once per test run with the application's own migration and demo code.
/// </summary>
public abstract class TestDatabaseTarget
{
    /// <summary>"Sqlite" or "PostgreSql", as in Database:Provider.</summary>
    public abstract string Provider { get; }

    /// <summary>Why this engine cannot be used here, or null when it can.</summary>
    public abstract string? UnavailableReason { get; }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public abstract Task<string> CreateAsync(TestData data);

    /// <summary>Removes a database made by <see cref="CreateAsync"/>.</summary>
    public abstract Task DropAsync(string connectionString);

    /// <summary>True when CI=true: a missing service is then a failure, not a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the application's own migrations (and demo seeding) against a connection string.</summary>
    protected async Task PrepareAsync(string connectionString, TestData data)
    {
        await using var app = ToanDanApp.Build(
            [$"--Database:Provider={Provider}", $"--ConnectionStrings:ToanDan={connectionString}"], demo: false, forCommand: true);
        await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        if (data == TestData.Demo)
        {
            // Seeded at the tests' fixed instant, not the machine's date: the demo's "current month" must be the
            // month the test applications see.
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(app.Services, (TimeProvider)new FakeTimeProvider(ToanDanFactory.Start));
            var outcome = await seeder.EnsureAsync(CancellationToken.None);
            if (!outcome.IsSuccess)
            {
                throw new InvalidOperationException(outcome.Errors[0].Message);
            }
        }
    }
}

/// <summary>SQLite files in a temporary folder; always available.</summary>
public sealed class SqliteTarget : TestDatabaseTarget
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "toandan-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private readonly Dictionary<TestData, Task<string>> _templates = [];
    private readonly Lock _lock = new();

    // Declared after Folder: static fields initialise in order.
    public static readonly SqliteTarget Instance = new();

    private SqliteTarget()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the OS cleans the temp folder eventually.
            }
        };
    }

    public override string Provider => "Sqlite";

    public override string? UnavailableReason => null;

    public override async Task<string> CreateAsync(TestData data)
    {
        Task<string> template;
        lock (_lock)
        {
            if (!_templates.TryGetValue(data, out template!))
            {
                template = BuildTemplateAsync(data);
                _templates[data] = template;
            }
        }

        var source = await template;
        var file = Path.Combine(Folder, $"{data}-{Guid.NewGuid():N}.db");
        File.Copy(source, file);
        return $"Data Source={file}";
    }

    public override Task DropAsync(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A pooled handle may linger on some systems; the folder goes at process exit.
            }
        }

        return Task.CompletedTask;
    }

    private async Task<string> BuildTemplateAsync(TestData data)
    {
        var work = Path.Combine(Folder, $"build-{data}.db");
        await PrepareAsync($"Data Source={work}", data);
        var template = Path.Combine(Folder, $"template-{data}.db");
        await using (var connection = new SqliteConnection($"Data Source={work};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();

            // A single self-contained file (no -wal side file) that can be copied per test class.
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", template);
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return template;
    }
}

/// <summary>
/// PostgreSQL from TOANDAN_TEST_POSTGRES (a connection string to a database the user may connect to, with
/// CREATEDB rights). Test databases are created from per-run templates and dropped afterwards.
/// </summary>
public sealed class PostgreSqlTarget : TestDatabaseTarget
{
    public const string Variable = "TOANDAN_TEST_POSTGRES";

    public static readonly PostgreSqlTarget Instance = new();

    private readonly string? _admin = Environment.GetEnvironmentVariable(Variable);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<TestData, Task<string>> _templates = [];
    private readonly Lock _lock = new();
    private string? _unavailable;

    private PostgreSqlTarget()
    {
        if (string.IsNullOrWhiteSpace(_admin))
        {
            _unavailable = $"PostgreSQL tests skipped: set {Variable} (e.g. Host=127.0.0.1;Username=toandan;Password=toandan;Database=postgres) to run them; .ci/run does.";
            return;
        }

        try
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
        }
        catch (NpgsqlException ex)
        {
            _unavailable = $"PostgreSQL tests skipped: cannot connect with {Variable}: {ex.Message}";
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplates();
    }

    public override string Provider => "PostgreSql";

    public override string? UnavailableReason => _unavailable;

    public override async Task<string> CreateAsync(TestData data)
    {
        Task<string> template;
        lock (_lock)
        {
            if (!_templates.TryGetValue(data, out template!))
            {
                template = BuildTemplateAsync(data);
                _templates[data] = template;
            }
        }

        var name = $"toandan_t_{_run}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{await template}\"");
        return WithDatabase(name);
    }

    public override async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();

        // FORCE cannot end a backend of another role — an autovacuum worker that just started on the new database
        // (seen in CI: 42501) — but such a worker soon ends by itself; try again, and never fail a test for cleaning up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 20)
                {
                    Console.Error.WriteLine($"test database {name} left behind: {ex.MessageText}");
                    return;
                }

                await Task.Delay(250);
            }
        }
    }

    private async Task<string> BuildTemplateAsync(TestData data)
    {
        var name = $"toandan_tpl_{_run}_{data.ToString().ToLowerInvariant()}";
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        await PrepareAsync(WithDatabase(name), data);
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    // A small pool per test database: many test databases share one server (max_connections 100 by default).
    private string WithDatabase(string name) => new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = true, MaxPoolSize = 8 }.ToString();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private void DropTemplates()
    {
        foreach (var template in _templates.Values.Where(t => t.IsCompletedSuccessfully))
        {
            try
            {
                ExecuteAsync($"DROP DATABASE IF EXISTS \"{template.Result}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // Best effort at exit.
            }
        }
    }
}

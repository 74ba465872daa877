using Microsoft.Extensions.DependencyInjection;

namespace ToanDan.Tests.Infrastructure;

/// <summary>
/// One application and one fresh database per test class. When the engine is not available the fixture stays
/// empty and <see cref="RequireAvailable"/> skips the test (or fails it under CI=true).
/// </summary>
public abstract class AppFixture(TestDatabaseTarget target, TestData data) : IAsyncLifetime
{
    private ToanDanFactory? _factory;

    public ToanDanFactory Factory => _factory ?? throw new InvalidOperationException(target.UnavailableReason ?? "Fixture not initialised.");

    public TestDatabaseTarget Target => target;

    public async ValueTask InitializeAsync()
    {
        if (target.UnavailableReason is not null)
        {
            return;
        }

        var connectionString = await target.CreateAsync(data);
        _factory = new ToanDanFactory(target, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            var connectionString = _factory.ConnectionString;
            await _factory.DisposeAsync();
            await target.DropAsync(connectionString);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the current test when the engine is missing; under CI=true a missing engine fails it.</summary>
    public void RequireAvailable()
    {
        if (target.UnavailableReason is { } reason)
        {
            if (TestDatabaseTarget.InCi)
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }
    }
}

public sealed class SqliteDemoApp() : AppFixture(SqliteTarget.Instance, TestData.Demo);

public sealed class PostgreSqlDemoApp() : AppFixture(PostgreSqlTarget.Instance, TestData.Demo);

public sealed class SqliteEmptyApp() : AppFixture(SqliteTarget.Instance, TestData.Empty);

public sealed class PostgreSqlEmptyApp() : AppFixture(PostgreSqlTarget.Instance, TestData.Empty);

/// <summary>Base of tests that run against the whole application; derived classes pick the engine.</summary>
public abstract class AppTests(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App => app;

    protected ToanDanFactory Factory => app.Factory;

    public virtual ValueTask InitializeAsync()
    {
        app.RequireAvailable();
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A scope over the application's services, for calling handlers directly (slice tests).</summary>
    protected AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();
}

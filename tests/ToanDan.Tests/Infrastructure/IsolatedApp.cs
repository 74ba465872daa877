namespace ToanDan.Tests.Infrastructure;

/// <summary>An application over a database of its own, for a test that damages or fills its database.</summary>
public sealed class IsolatedApp : IAsyncDisposable
{
    private IsolatedApp(TestDatabaseTarget target, string connectionString)
    {
        Target = target;
        Factory = new ToanDanFactory(target, connectionString);
    }

    public TestDatabaseTarget Target { get; }

    public ToanDanFactory Factory { get; }

    public static async Task<IsolatedApp> CreateAsync(TestDatabaseTarget target, TestData data) =>
        new(target, await target.CreateAsync(data));

    public async ValueTask DisposeAsync()
    {
        var connectionString = Factory.ConnectionString;
        await Factory.DisposeAsync();
        await Target.DropAsync(connectionString);
    }
}

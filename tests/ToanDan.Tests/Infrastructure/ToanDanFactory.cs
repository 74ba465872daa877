using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ToanDan.Tests.Infrastructure;

/// <summary>The real application over a test database, with a fake clock set to 2026-11-29 09:00 Vietnam time.</summary>
public sealed class ToanDanFactory(TestDatabaseTarget target, string connectionString) : WebApplicationFactory<Program>
{
    /// <summary>The clock the application sees; tests may move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));

    public string ConnectionString => connectionString;

    public TestDatabaseTarget Target => target;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", target.Provider);
        builder.UseSetting("ConnectionStrings:ToanDan", connectionString);
        builder.UseSetting("Database:AutoMigrate", "true");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Web.Infrastructure.Data;

/// <summary>
/// Work done before the server takes requests: migrate SQLite (or PostgreSQL with Database:AutoMigrate),
/// then create the demo data when the host runs with --demo.
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration, DemoSeeder demo, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Startup:Disabled", false))
        {
            return;
        }

        var provider = DatabaseSetup.ReadProvider(configuration);
        if (DatabaseMigrator.ShouldMigrateAtStart(configuration, provider))
        {
            var applied = await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            if (applied.Count > 0)
            {
                StartupLog.Migrated(logger, applied.Count, provider);
            }
        }

        if (configuration.GetValue("Demo:Enabled", false))
        {
            var outcome = await demo.EnsureAsync(cancellationToken);
            if (!outcome.IsSuccess)
            {
                throw new InvalidOperationException(outcome.Errors[0].Message);
            }

            StartupLog.Demo(logger, outcome.Value);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class StartupLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied {Count} migrations on {Provider}")]
    public static partial void Migrated(ILogger logger, int count, DatabaseProvider provider);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Demo: {Outcome}")]
    public static partial void Demo(ILogger logger, string outcome);
}

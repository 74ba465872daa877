using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Bench;

/// <summary>
/// Where a tip submission's time goes, at steady state (after a few thousand submissions have brought the JIT to
/// tier 1): each line repeats a growing prefix of the slice's work 1,000 times in a fresh DI scope and prints wall
/// time, process CPU and GC pause per iteration. Diagnostic companion of <see cref="TipsSubmitBench"/>.
/// </summary>
internal static class TipsParts
{
    private const string Unit = "10606";

    public static async Task<int> RunAsync(string[] args)
    {
        var warmUp = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4000;
        var folder = Path.Combine(Path.GetTempPath(), "toandan-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var db = Path.Combine(folder, "tips.db");
            await using var app = ToanDanApp.Build(
                [
                    $"--ConnectionStrings:ToanDan=Data Source={db}",
                    $"--Tips:KeyFile={Path.Combine(folder, "tips-keys.json")}",
                    $"--Tips:FilesFolder={Path.Combine(folder, "tips-files")}",
                ],
                demo: false,
                forCommand: true);
            await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
            for (var i = 0; i < warmUp; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await SubmitAsync(scope.ServiceProvider);
            }

            Console.WriteLine($"after {warmUp:N0} warm-up submissions; each line includes the lines above it unless marked alone:");
            var process = Process.GetCurrentProcess();
            async Task MeasureAsync(string name, Func<IServiceProvider, Task> work)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var pause = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 1000; i++)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await work(scope.ServiceProvider);
                }

                watch.Stop();
                process.Refresh();
                Console.WriteLine($"  {name,-42} {watch.Elapsed.TotalMilliseconds / 1000,6:N3} ms wall {(process.TotalProcessorTime - cpu).TotalMilliseconds / 1000,6:N3} ms CPU {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / 1000,6:N3} ms GC pause");
            }

            await MeasureAsync("DI scope + resolve SubmitTip.Handler", sp =>
            {
                sp.GetRequiredService<SubmitTip.Handler>();
                return Task.CompletedTask;
            });
            await MeasureAsync("+ DbContext services (first use)", sp =>
            {
                sp.GetRequiredService<SubmitTip.Handler>();
                _ = sp.GetRequiredService<ToanDanDb>().ChangeTracker.Entries().Count();
                return Task.CompletedTask;
            });
            await MeasureAsync("+ EF opens and closes the connection", async sp =>
            {
                sp.GetRequiredService<SubmitTip.Handler>();
                var context = sp.GetRequiredService<ToanDanDb>();
                await context.Database.OpenConnectionAsync();
                await context.Database.CloseConnectionAsync();
            });
            await MeasureAsync("+ remote-commune query", async sp =>
            {
                sp.GetRequiredService<SubmitTip.Handler>();
                var context = sp.GetRequiredService<ToanDanDb>();
                await context.Database.OpenConnectionAsync();
                await context.TipRemoteUnits.AnyAsync(r => r.UnitCode == Unit);
                await context.Database.CloseConnectionAsync();
            });
            await MeasureAsync("+ audit chain's last-entry query", async sp =>
            {
                sp.GetRequiredService<SubmitTip.Handler>();
                var context = sp.GetRequiredService<ToanDanDb>();
                await context.Database.OpenConnectionAsync();
                await context.TipRemoteUnits.AnyAsync(r => r.UnitCode == Unit);
                await context.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
                await context.Database.CloseConnectionAsync();
            });
            await MeasureAsync("whole submission (SubmitTip.Handler)", SubmitAsync);
            await MeasureAsync("alone: pooled SqliteConnection open + PRAGMAs", async _ =>
            {
                await using var connection = new SqliteConnection($"Data Source={db};Pooling=True");
                await connection.OpenAsync();
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
                await pragma.ExecuteNonQueryAsync();
            });
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SubmitAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<SubmitTip.Handler>().HandleAsync(new SubmitTip.Command
        {
            What = "Tin báo thử: có người lạ giao nhận gói nhỏ ở bãi đất trống cạnh trường học vào buổi tối.",
            UnitCode = Unit,
            Anonymous = true,
        }, CancellationToken.None);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Errors[0].Message);
        }
    }
}

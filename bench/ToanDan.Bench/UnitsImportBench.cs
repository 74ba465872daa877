using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web;
using ToanDan.Web.Features.Units.Import;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Bench;

/// <summary>
/// Imports a whole unit catalogue into a fresh SQLite database through the real import slice, and, in the
/// same run, a raw baseline: the same rows inserted with one prepared statement in one transaction.
/// Prints wall time, CPU time, peak working set and managed allocations.
/// </summary>
internal static class UnitsImportBench
{
    private static readonly string[] ParameterNames = ["$c", "$n", "$l", "$p", "$k"];

    public static async Task<int> RunAsync(string[] args)
    {
        var file = args.Length > 0 ? args[0] : FindDefault();
        var folder = Path.Combine(Path.GetTempPath(), "toandan-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"catalogue: {file} ({new FileInfo(file).Length / 1024} KiB)");
            Console.WriteLine($"processors available: {Environment.ProcessorCount}");

            // Schema first, outside the measurement.
            var db = Path.Combine(folder, "bench.db");
            await using var app = ToanDanApp.Build([$"--ConnectionStrings:ToanDan=Data Source={db}"], demo: false, forCommand: true);
            await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);

            var baseline = await RawBaselineAsync(file, Path.Combine(folder, "raw.db"));

            GC.Collect();
            var process = Process.GetCurrentProcess();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var parsed = await UnitFileReader.ReadAsync(file, CancellationToken.None);
            var parseTime = watch.Elapsed;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var handler = scope.ServiceProvider.GetRequiredService<ImportUnitFile.Handler>();
                var result = await handler.HandleAsync(new ImportUnitFile.Command(parsed, new DateOnly(2025, 3, 1)), CancellationToken.None);
                if (!result.IsSuccess)
                {
                    Console.Error.WriteLine(result.Errors[0].Message);
                    return 1;
                }

                watch.Stop();
                process.Refresh();
                var imported = result.Value;
                Console.WriteLine();
                Console.WriteLine("ToanDan import (parse + validate + store entries + compute periods, one transaction):");
                Console.WriteLine($"  rows              {imported.Rows:N0}");
                Console.WriteLine($"  periods created   {imported.PeriodsAdded:N0}");
                Console.WriteLine($"  parse+validate    {parseTime.TotalMilliseconds:N0} ms");
                Console.WriteLine($"  wall time         {watch.Elapsed.TotalMilliseconds:N0} ms");
                Console.WriteLine($"  CPU time          {(process.TotalProcessorTime - cpu).TotalMilliseconds:N0} ms");
                Console.WriteLine($"  allocated         {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:N1} MiB");
                Console.WriteLine($"  peak working set  {process.PeakWorkingSet64 / 1048576.0:N1} MiB (whole process)");
                Console.WriteLine();
                Console.WriteLine("Raw baseline (prepared INSERT of the same rows, one transaction, same PRAGMAs):");
                Console.WriteLine($"  wall time         {baseline.TotalMilliseconds:N0} ms");
                Console.WriteLine();
                Console.WriteLine($"ratio ToanDan / raw: {watch.Elapsed.TotalMilliseconds / baseline.TotalMilliseconds:N1}x");
                Console.WriteLine($"goal: whole catalogue under 10 s on one core -> {(watch.Elapsed.TotalSeconds < 10 ? "met" : "NOT met")} ({watch.Elapsed.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture)} s)");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> RawBaselineAsync(string file, string dbPath)
    {
        var lines = await File.ReadAllLinesAsync(file);
        await using var connection = new SqliteConnection($"Data Source={dbPath}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE units(code TEXT PRIMARY KEY, name TEXT, level TEXT, parent TEXT, kind TEXT);";
            await pragma.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO units VALUES ($c, $n, $l, $p, $k)";
        var parameters = ParameterNames.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = fields[i];
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    private static string FindDefault()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "admin-units", "units-pre-2025.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("units-pre-2025.csv not found; pass the catalogue path.");
    }
}

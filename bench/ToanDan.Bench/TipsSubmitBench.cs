using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Bench;

/// <summary>
/// Durable tip submissions per second on SQLite: the real submission slice (<see cref="SubmitTip.Handler"/> resolved
/// from the application's own DI in a fresh scope per submission, as a request has: validation, new data key wrapped
/// by the key file's key, sealed narrative, HMAC of the receipt code, then the group commit of <see cref="TipIntake"/>:
/// remote-commune lookup, prepared inserts, audit hash chain, one COMMIT per group) on a fresh file with the
/// application's PRAGMAs, from many concurrent clients (a burst of citizens) and from one client; beside it, in the
/// same run, a raw loop on another fresh file: one INSERT + COMMIT per row of the same size, same journal_mode and
/// synchronous; and a third loop that writes the very rows of a submission (tip + audit entry) into a copy of the
/// app's schema with raw SQL, one COMMIT per tip. Short rounds alternate the four so that load from elsewhere falls
/// on all of them. A submission counts only when its handler has returned, i.e. after its COMMIT.
/// </summary>
internal static class TipsSubmitBench
{
    /// <summary>What the application sets on every connection (DatabaseSetup.SqlitePragmas).</summary>
    private const string Journal = "WAL";
    private const string Synchronous = "FULL";

    // About 600 characters of Vietnamese: a typical tip typed on a phone.
    private const string What =
        "Khoảng 22 giờ các tối thứ Bảy gần đây, tại bãi đất trống phía sau nhà văn hóa thôn, có một nhóm 4–5 thanh niên đi xe máy " +
        "không biển số đến giao nhận các gói nhỏ bọc giấy bạc, sau đó có người đứng hút ở góc tường. Người dân trong xóm thấy nhiều lần " +
        "nhưng không dám lên tiếng. Tôi đề nghị Công an xã kiểm tra, xác minh. Một người trong nhóm thường mặc áo khoác màu đen, đi xe " +
        "Exciter màu xanh, hay đỗ ở quán nước đầu ngõ trước khi vào bãi. Tôi có chụp được ảnh từ xa nhưng không rõ mặt.";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var warmUp = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4000;
        var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16;
        var folder = Path.Combine(Path.GetTempPath(), "toandan-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"processors available: {Environment.ProcessorCount}; folder: {folder}");
            Console.WriteLine($"journal_mode={Journal}, synchronous={Synchronous}; {rounds} rounds of {count:N0} submissions from {clients} clients, {count:N0} from one client, {count:N0} raw rows");

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
            var floorDb = Path.Combine(folder, "floor.db");
            await CopyAsync(db, floorDb);

            // Warm-up outside the measurement (key file, pools, and above all the JIT: EF Core's code reaches its
            // tier-1 steady state only after a few thousand submissions; measured from the first hundred, the slice
            // costs twice its steady CPU). Half from one client, half from many. It also gives the bytes a submission stores.
            var n = 0;
            Func<int> next = () => Interlocked.Increment(ref n);
            var warm = await SubmitAsync(app.Services, warmUp / 2, 1, next) + await SubmitAsync(app.Services, warmUp - (warmUp / 2), clients, next);
            Console.WriteLine($"warm-up: {warmUp:N0} submissions in {warm.TotalSeconds:N1} s");
            var rowBytes = await BytesPerSubmissionAsync(db, warmUp);
            Console.WriteLine($"a submission stores {rowBytes.Tip:N0} bytes in tips and {rowBytes.Audit:N0} in audit_entries; raw rows carry {rowBytes.Tip + rowBytes.Audit:N0} bytes");

            await using var raw = new Raw(Path.Combine(folder, "raw.db"), rowBytes.Tip + rowBytes.Audit);
            await raw.InsertAsync(warmUp);
            await using var floor = await SchemaFloor.CreateAsync(floorDb, db);
            await floor.InsertAsync(warmUp);

            using var sql = new SqlTimes();
            var many = new Slice($"{clients} concurrent clients");
            var one = new Slice("one client");
            var rawTime = TimeSpan.Zero;
            var floorTime = TimeSpan.Zero;
            for (var round = 1; round <= rounds; round++)
            {
                var r = await raw.InsertAsync(count);
                rawTime += r;
                var f = await floor.InsertAsync(count);
                floorTime += f;
                var m = await many.MeasureAsync(sql, () => SubmitAsync(app.Services, count, clients, next));
                var o = await one.MeasureAsync(sql, () => SubmitAsync(app.Services, count, 1, next));
                Console.WriteLine($"round {round}: ToanDan {count / m.TotalSeconds,8:N0}/s ({clients} clients) {count / o.TotalSeconds,8:N0}/s (one client)   raw {count / r.TotalSeconds,8:N0}/s   raw on the app's schema {count / f.TotalSeconds,8:N0}/s");
            }

            var total = count * rounds;
            var rawRate = total / rawTime.TotalSeconds;
            var floorRate = total / floorTime.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine("ToanDan submission slice (DI scope, validation, encryption; group commit: prepared inserts, audit chain, one COMMIT per group):");
            many.Print(total);
            one.Print(total);
            Console.WriteLine("Raw loop (prepared INSERT + COMMIT per row, one client, same PRAGMAs, separate fresh file):");
            Console.WriteLine($"  durable rows/s         {rawRate:N0}");
            Console.WriteLine($"  per row                {rawTime.TotalMilliseconds / total:N2} ms wall");
            Console.WriteLine($"    of which COMMIT      {raw.Commit.TotalMilliseconds / (total + warmUp):N2} ms");
            Console.WriteLine("Raw loop on a copy of the app's schema (the same tip row and audit row, all indexes, chain read, one COMMIT per tip):");
            Console.WriteLine($"  durable submissions/s  {floorRate:N0}");
            Console.WriteLine($"  per submission         {floorTime.TotalMilliseconds / total:N2} ms wall");
            Console.WriteLine($"    of which COMMIT      {floor.Commit.TotalMilliseconds / (total + warmUp):N2} ms");
            Console.WriteLine();
            Console.WriteLine($"WAL files at the end: ToanDan {new FileInfo(db + "-wal").Length / 1024:N0} KiB, raw {new FileInfo(Path.Combine(folder, "raw.db-wal")).Length / 1024:N0} KiB");
            var ratio = many.Rate(total) / rawRate;
            Console.WriteLine($"ratio ToanDan ({clients} clients) / raw: {ratio:N2} (goal >= 0.5 -> {(ratio >= 0.5 ? "met" : "NOT met")})");
            Console.WriteLine($"ratio ToanDan (one client) / raw: {one.Rate(total) / rawRate:N2}; raw on the app's schema / raw: {floorRate / rawRate:N2}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Wall time, process CPU, allocations, collections and EF Core's SQL times of one way of submitting, over the rounds.</summary>
    private sealed class Slice(string name)
    {
        private readonly int[] _gcs = new int[3];
        private TimeSpan _time;
        private TimeSpan _cpu;
        private long _allocated;
        private TimeSpan _commit;
        private TimeSpan _commands;
        private int _commits;
        private int _commandCount;

        public double Rate(int total) => total / _time.TotalSeconds;

        public async Task<TimeSpan> MeasureAsync(SqlTimes sql, Func<Task<TimeSpan>> run)
        {
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gcBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            sql.Reset();
            sql.Enabled = true;
            var t = await run();
            sql.Enabled = false;
            for (var g = 0; g < 3; g++)
            {
                _gcs[g] += GC.CollectionCount(g) - gcBefore[g];
            }

            process.Refresh();
            _cpu += process.TotalProcessorTime - cpuBefore;
            _allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            _commit += sql.Commit;
            _commits += sql.CommitCount;
            _commands += sql.Commands;
            _commandCount += sql.CommandCount;
            _time += t;
            return t;
        }

        public void Print(int total)
        {
            Console.WriteLine($"  {name}:");
            Console.WriteLine($"    durable submissions/s  {Rate(total):N0}");
            Console.WriteLine($"    per submission         {_time.TotalMilliseconds / total:N2} ms wall, {_cpu.TotalMilliseconds / total:N2} ms CPU, {_allocated / 1024.0 / total:N0} KiB allocated");
            Console.WriteLine($"    commits                {_commits:N0} ({total / (double)Math.Max(1, _commits):N1} tips per commit), {_commit.TotalMilliseconds / Math.Max(1, _commits):N2} ms each");
            Console.WriteLine($"    EF Core SQL commands   {_commandCount / (double)Math.Max(1, _commits):N1} per commit, {_commands.TotalMilliseconds / total:N3} ms per submission (the prepared row inserts are not counted)");
            Console.WriteLine($"    garbage collections    {_gcs[0]:N0} gen0, {_gcs[1]:N0} gen1, {_gcs[2]:N0} gen2 ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)");
        }
    }

    /// <summary>
    /// Submits <paramref name="count"/> anonymous web tips from <paramref name="clients"/> concurrent clients, each one
    /// submission after another in its own scope, as requests have; returns when every submission is acknowledged.
    /// </summary>
    private static async Task<TimeSpan> SubmitAsync(IServiceProvider services, int count, int clients, Func<int> next)
    {
        var watch = Stopwatch.StartNew();
        var left = count;
        async Task ClientAsync()
        {
            await Task.Yield();
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await using var scope = services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<SubmitTip.Handler>();
                var result = await handler.HandleAsync(new SubmitTip.Command
                {
                    What = What + " #" + next().ToString(CultureInfo.InvariantCulture),
                    UnitCode = "10606",
                    Place = "Bãi đất trống sau nhà văn hóa thôn",
                    When = "khoảng 22 giờ tối thứ Bảy",
                    Category = TipCategory.Drugs,
                    Anonymous = true,
                    Channel = TipChannel.Web,
                    Kind = TipKind.Denunciation,
                }, CancellationToken.None);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException(result.Errors[0].Message);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync()));
        return watch.Elapsed;
    }

    /// <summary>A self-contained copy of a database (its schema, before any tip).</summary>
    private static async Task CopyAsync(string from, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={from};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $to";
        command.Parameters.AddWithValue("$to", to);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Average bytes of the values of a submission's rows (sum of the column lengths), per table.</summary>
    private static async Task<(int Tip, int Audit)> BytesPerSubmissionAsync(string db, int submissions)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        await connection.OpenAsync();
        return (await BytesAsync(connection, "tips") / submissions, await BytesAsync(connection, "audit_entries") / submissions);
    }

    private static async Task<int> BytesAsync(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        await using var sum = connection.CreateCommand();
#pragma warning disable CA2100 // Column names read from the schema, not input.
        sum.CommandText = $"SELECT coalesce(sum({string.Join(" + ", columns.Select(c => $"coalesce(length(\"{c}\"), 0)"))}), 0) FROM \"{table}\"";
#pragma warning restore CA2100
        return Convert.ToInt32(await sum.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The floor: one prepared INSERT of a row of random bytes and a COMMIT per row, one open connection.</summary>
    private sealed class Raw(string path, int rowBytes) : IAsyncDisposable
    {
        private SqliteConnection? _connection;

        /// <summary>Time spent in COMMIT, every call included.</summary>
        public TimeSpan Commit { get; private set; }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }

        public async Task<TimeSpan> InsertAsync(int count)
        {
            if (_connection is null)
            {
                _connection = new SqliteConnection($"Data Source={path}");
                await _connection.OpenAsync();
                await using var setup = _connection.CreateCommand();
                setup.CommandText = $"PRAGMA journal_mode={Journal}; PRAGMA synchronous={Synchronous}; CREATE TABLE rows(id TEXT PRIMARY KEY, received_at TEXT NOT NULL, data BLOB NOT NULL);";
                await setup.ExecuteNonQueryAsync();
            }

            await using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO rows VALUES ($id, $at, $data)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var data = insert.Parameters.Add("$data", SqliteType.Blob);
            var payload = new byte[Math.Max(1, rowBytes - 36 - 27)];
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await using var transaction = await _connection.BeginTransactionAsync();
                insert.Transaction = (SqliteTransaction)transaction;
                Random.Shared.NextBytes(payload);
                id.Value = Guid.CreateVersion7().ToString();
                at.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                data.Value = payload;
                await insert.ExecuteNonQueryAsync();
                var commit = Stopwatch.GetTimestamp();
                await transaction.CommitAsync();
                Commit += Stopwatch.GetElapsedTime(commit);
            }

            return watch.Elapsed;
        }
    }

    /// <summary>Time EF Core reports for commits, other commands and connection opens (its diagnostic events), while enabled.</summary>
    private sealed class SqlTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public SqlTimes() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public bool Enabled { get; set; }

        public TimeSpan Commit { get; private set; }

        public int CommitCount { get; private set; }

        public TimeSpan Commands { get; private set; }

        public int CommandCount { get; private set; }

        public TimeSpan Opens { get; private set; }

        public int OpenCount { get; private set; }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (!Enabled)
            {
                return;
            }

            switch (value.Value)
            {
                case TransactionEndEventData end when value.Key == RelationalEventId.TransactionCommitted.Name:
                    Commit += end.Duration;
                    CommitCount++;
                    break;
                case CommandExecutedEventData command:
                    Commands += command.Duration;
                    CommandCount++;
                    break;
                case ConnectionEndEventData open when value.Key == RelationalEventId.ConnectionOpened.Name:
                    Opens += open.Duration;
                    OpenCount++;
                    break;
            }
        }

        public void Reset()
        {
            Commit = TimeSpan.Zero;
            CommitCount = 0;
            Commands = TimeSpan.Zero;
            CommandCount = 0;
            Opens = TimeSpan.Zero;
            OpenCount = 0;
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    /// <summary>
    /// The storage floor of the app's own rows: on a copy of the migrated schema, per submission BEGIN, the audit
    /// chain's read of the last entry, INSERT of a tip row and of its audit row (values copied from a real
    /// submission, new keys), COMMIT; prepared statements on one open connection, the app's PRAGMAs.
    /// </summary>
    private sealed class SchemaFloor : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _last;
        private readonly SqliteCommand _tip;
        private readonly SqliteCommand _audit;
        private readonly Dictionary<string, SqliteParameter> _tipParameters;
        private readonly Dictionary<string, SqliteParameter> _auditParameters;

        private SchemaFloor(SqliteConnection connection, (SqliteCommand, Dictionary<string, SqliteParameter>) tip, (SqliteCommand, Dictionary<string, SqliteParameter>) audit)
        {
            _connection = connection;
            (_tip, _tipParameters) = tip;
            (_audit, _auditParameters) = audit;
            _last = connection.CreateCommand();
            _last.CommandText = "SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1";
        }

        public TimeSpan Commit { get; private set; }

        /// <summary>Opens the copy and prepares inserts of the first tip and audit row found in <paramref name="sample"/>.</summary>
        public static async Task<SchemaFloor> CreateAsync(string path, string sample)
        {
            Dictionary<string, object> tipRow;
            Dictionary<string, object> auditRow;
            await using (var source = new SqliteConnection($"Data Source={sample};Mode=ReadOnly;Pooling=False"))
            {
                await source.OpenAsync();
                tipRow = await RowAsync(source, "SELECT * FROM tips LIMIT 1");
                auditRow = await RowAsync(source, "SELECT * FROM audit_entries WHERE entity_type = 'Tip' LIMIT 1");
            }

            var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA journal_mode={Journal}; PRAGMA synchronous={Synchronous}; PRAGMA foreign_keys=ON;";
                await pragma.ExecuteNonQueryAsync();
            }

            return new SchemaFloor(connection, Insert(connection, "tips", tipRow), Insert(connection, "audit_entries", auditRow));
        }

        public async Task<TimeSpan> InsertAsync(int count)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await using var transaction = await _connection.BeginTransactionAsync();
                var sqlite = (SqliteTransaction)transaction;
                _last.Transaction = sqlite;
                _tip.Transaction = sqlite;
                _audit.Transaction = sqlite;
                long sequence = 0;
                await using (var reader = await _last.ExecuteReaderAsync())
                {
                    if (await reader.ReadAsync())
                    {
                        sequence = reader.GetInt64(0);
                    }
                }

                var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
                _tipParameters["id"].Value = id;
                _tipParameters["receipt_hash"].Value = Convert.ToHexStringLower(RandomBytes(32));
                _auditParameters["sequence"].Value = sequence + 1;
                _auditParameters["entity_id"].Value = id;
                _auditParameters["previous_hash"].Value = Convert.ToHexStringLower(RandomBytes(32));
                _auditParameters["hash"].Value = Convert.ToHexStringLower(RandomBytes(32));
                await _tip.ExecuteNonQueryAsync();
                await _audit.ExecuteNonQueryAsync();
                var commit = Stopwatch.GetTimestamp();
                await transaction.CommitAsync();
                Commit += Stopwatch.GetElapsedTime(commit);
            }

            return watch.Elapsed;
        }

        public async ValueTask DisposeAsync()
        {
            await _last.DisposeAsync();
            await _tip.DisposeAsync();
            await _audit.DisposeAsync();
            await _connection.DisposeAsync();
        }

        private static byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            Random.Shared.NextBytes(bytes);
            return bytes;
        }

        private static async Task<Dictionary<string, object>> RowAsync(SqliteConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Fixed queries of this benchmark.
            command.CommandText = sql;
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("No sample row: " + sql);
            }

            var row = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.GetValue(i);
            }

            return row;
        }

        private static (SqliteCommand, Dictionary<string, SqliteParameter>) Insert(SqliteConnection connection, string table, Dictionary<string, object> row)
        {
            var command = connection.CreateCommand();
            var names = row.Keys.ToList();
#pragma warning disable CA2100 // Column names read from the schema.
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
#pragma warning restore CA2100
            var parameters = new Dictionary<string, SqliteParameter>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                parameters[names[i]] = command.Parameters.AddWithValue($"$p{i}", row[names[i]]);
            }

            return (command, parameters);
        }
    }
}

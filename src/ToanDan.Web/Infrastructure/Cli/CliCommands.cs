using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Import;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Data;
using ToanDan.Web.Infrastructure.Demo;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Infrastructure.Cli;

/// <summary>
/// Administrative commands of the ToanDan executable. Exit codes: 0 success, 1 the command failed,
/// 2 the command line itself is wrong (unknown command, bad argument).
/// </summary>
public static class CliCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?"];

    /// <summary>The help text; every command is listed here.</summary>
    public const string HelpText = """
        ToanDan — Toàn dân bảo vệ an ninh Tổ quốc

        Cách dùng:
          ToanDan.Web [--demo] [--urls URL]         chạy cổng thông tin và trang nghiệp vụ (mặc định)
          ToanDan.Web <lệnh> [tham số]              chạy một lệnh quản trị rồi thoát

        Lệnh:
          migrate                                   cập nhật lược đồ cơ sở dữ liệu
          units import <tệp|thư mục> [--as-of YYYY-MM-DD]
                                                    nhập danh mục đơn vị hành chính hoặc bảng chuyển đổi;
                                                    thư mục: theo manifest.csv (cột file,as_of)
          units stats [--as-of YYYY-MM-DD]          số đơn vị theo cấp và loại vào một ngày
          users create <tên đăng nhập> --name "Họ tên" --role <vai trò> --unit <mã đơn vị|VN>
                       [--email <thư>] [--password-stdin]
                                                    tạo tài khoản (ví dụ quản trị viên đầu tiên); mật khẩu
                                                    tạo ngẫu nhiên được in một lần và phải đổi khi đăng nhập
          audit verify                              kiểm tra chuỗi băm của nhật ký thao tác; mã thoát 0 nếu
                                                    nguyên vẹn, 1 nếu có mục bị sửa, xóa hoặc đảo thứ tự
          tips rotate-key                           tạo khóa mã hóa khóa (KEK) mới cho tin báo tội phạm và bọc
                                                    lại khóa dữ liệu của mọi tin báo (xem docs/operations.md)
          demo                                      tạo cơ sở dữ liệu minh họa (một lần) rồi thoát
          backup <tệp đích>                          sao lưu trực tuyến nhất quán (SQLite);
                                                    PostgreSQL: dùng pg_dump (xem docs/operations.md)
          help                                      in hướng dẫn này

        Cấu hình: Database:Provider (Sqlite | PostgreSql), ConnectionStrings:ToanDan,
        qua appsettings.json, biến môi trường (Database__Provider, ConnectionStrings__ToanDan) hoặc --Key=Value.
        Mã thoát: 0 thành công, 1 lệnh thất bại, 2 sai cú pháp lệnh.
        """;

    /// <summary>True when the arguments name a command rather than web-host options.</summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && (HelpWords.Contains(args[0], StringComparer.Ordinal) || !args[0].StartsWith('-'));
    }

    /// <summary>Runs the command named by <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (HelpWords.Contains(args[0], StringComparer.Ordinal))
        {
            await output.WriteLineAsync(HelpText);
            return Ok;
        }

        var (command, rest, hostArgs) = Split(args);
        try
        {
            return command switch
            {
                "migrate" when rest.Count == 0 => await MigrateAsync(hostArgs, output),
                "units" when rest.Count >= 1 && rest[0] == "import" => await ImportAsync(rest.Skip(1).ToList(), hostArgs, output, error),
                "units" when rest.Count >= 1 && rest[0] == "stats" => await StatsAsync(rest.Skip(1).ToList(), hostArgs, output, error),
                "demo" when rest.Count == 0 => await DemoAsync(hostArgs, output, error),
                "users" when rest.Count >= 1 && rest[0] == "create" => await CreateUserAsync(rest.Skip(1).ToList(), hostArgs, output, error),
                "users" => await UsageErrorAsync(error, "Lệnh users cần 'create <tên đăng nhập> …'."),
                "audit" when rest.Count == 1 && rest[0] == "verify" => await VerifyAuditAsync(hostArgs, output, error),
                "audit" => await UsageErrorAsync(error, "Lệnh audit cần 'verify'."),
                "tips" when rest.Count == 1 && rest[0] == "rotate-key" => await RotateTipKeysAsync(hostArgs, output),
                "tips" => await UsageErrorAsync(error, "Lệnh tips cần 'rotate-key'."),
                "backup" => await BackupAsync(rest, hostArgs, output, error),
                "migrate" or "demo" => await UsageErrorAsync(error, $"Lệnh '{command}' không nhận tham số '{string.Join(' ', rest)}'."),
                "units" => await UsageErrorAsync(error, "Lệnh units cần 'import <tệp>' hoặc 'stats'."),
                _ => await UsageErrorAsync(error, $"Không có lệnh '{command}'."),
            };
        }
        catch (CliUsageException ex)
        {
            return await UsageErrorAsync(error, ex.Message);
        }
#pragma warning disable CA1031 // An operator gets the reason in one line, never a stack trace; the exit code tells scripts it failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"Lỗi: {ex.GetBaseException().Message}");
            return Failed;
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync($"Lỗi cú pháp: {message}");
        await error.WriteLineAsync("Gõ 'help' để xem các lệnh.");
        return Usage;
    }

    /// <summary>Splits the command word, its own arguments, and host configuration (--Key=Value) arguments.</summary>
    private static (string Command, List<string> Arguments, string[] HostArgs) Split(string[] args)
    {
        var rest = new List<string>();
        var host = new List<string>();
        foreach (var arg in args.Skip(1))
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal) && !arg.StartsWith("--as-of=", StringComparison.Ordinal))
            {
                host.Add(arg);
            }
            else
            {
                rest.Add(arg);
            }
        }

        return (args[0], rest, host.ToArray());
    }

    private static async Task<WebApplication> OpenAsync(string[] hostArgs, bool migrate)
    {
        var app = ToanDanApp.Build(hostArgs, demo: false, forCommand: true);
        var provider = DatabaseSetup.ReadProvider(app.Configuration);

        if (migrate && DatabaseMigrator.ShouldMigrateAtStart(app.Configuration, provider))
        {
            await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        }
        else if (migrate)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var pending = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Database.GetPendingMigrationsAsync();
            if (pending.Any())
            {
                throw new InvalidOperationException("Cơ sở dữ liệu PostgreSQL chưa cập nhật lược đồ: hãy chạy lệnh 'migrate' trước.");
            }
        }

        return app;
    }

    private static async Task<int> MigrateAsync(string[] hostArgs, TextWriter output)
    {
        await using var app = await OpenAsync(hostArgs, migrate: false);
        var applied = await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        await output.WriteLineAsync(applied.Count == 0
            ? "Lược đồ đã ở phiên bản mới nhất."
            : $"Đã áp dụng {applied.Count} migration: {string.Join(", ", applied)}");
        return Ok;
    }

    private static DateOnly? ReadAsOf(List<string> args)
    {
        DateOnly? asOf = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? value = null;
            if (args[i] == "--as-of")
            {
                if (i + 1 >= args.Count)
                {
                    throw new CliUsageException("--as-of cần một ngày YYYY-MM-DD.");
                }

                value = args[i + 1];
                args.RemoveRange(i, 2);
                i--;
            }
            else if (args[i].StartsWith("--as-of=", StringComparison.Ordinal))
            {
                value = args[i]["--as-of=".Length..];
                args.RemoveAt(i);
                i--;
            }

            if (value is not null)
            {
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new CliUsageException($"Ngày '{value}' không hợp lệ; dùng YYYY-MM-DD.");
                }

                asOf = parsed;
            }
        }

        var unknown = args.FirstOrDefault(a => a.StartsWith('-'));
        return unknown is null ? asOf : throw new CliUsageException($"Tham số '{unknown}' không hợp lệ.");
    }

    private static async Task<int> ImportAsync(List<string> args, string[] hostArgs, TextWriter output, TextWriter error)
    {
        var asOf = ReadAsOf(args);
        if (args.Count != 1)
        {
            throw new CliUsageException("units import cần đúng một tệp hoặc thư mục.");
        }

        var plan = ImportUnitCatalogues.Plan(args[0], asOf);
        if (!plan.IsSuccess)
        {
            foreach (var e in plan.Errors)
            {
                await error.WriteLineAsync(e.Message);
            }

            return Usage;
        }

        await using var app = await OpenAsync(hostArgs, migrate: true);
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ImportUnitCatalogues.Handler>();
        var result = await handler.HandleAsync(new ImportUnitCatalogues.Command(args[0], asOf), CancellationToken.None);
        if (!result.IsSuccess)
        {
            await error.WriteLineAsync("Không nhập được; cơ sở dữ liệu không thay đổi:");
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync("  " + e.Message);
            }

            return Failed;
        }

        foreach (var file in result.Value)
        {
            var i = file.Imported;
            await output.WriteLineAsync(i.Unchanged
                ? $"{file.File} ({VietnamTime.Format(file.AsOf)}): đã nhập trước đó, không thay đổi."
                : i.Format == UnitFileFormat.Catalogue
                    ? $"{file.File} ({VietnamTime.Format(file.AsOf)}): {i.Rows} đơn vị; thời kỳ +{i.PeriodsAdded} ~{i.PeriodsChanged} -{i.PeriodsRemoved}."
                    : $"{file.File} (hiệu lực {VietnamTime.Format(file.AsOf)}): {i.Rows} dòng; liên kết +{i.LinksAdded} ~{i.LinksChanged}.");
        }

        return Ok;
    }

    private static async Task<int> StatsAsync(List<string> args, string[] hostArgs, TextWriter output, TextWriter error)
    {
        var asOf = ReadAsOf(args);
        if (args.Count != 0)
        {
            throw new CliUsageException($"units stats không nhận tham số '{args[0]}'.");
        }

        await using var app = await OpenAsync(hostArgs, migrate: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var date = asOf ?? VietnamTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var counts = await db.AdministrativeUnits.AsNoTracking().ValidOn(date)
            .GroupBy(u => new { u.Level, u.Kind })
            .Select(g => new { g.Key.Level, g.Key.Kind, Count = g.Count() })
            .ToListAsync();
        await output.WriteLineAsync($"Đơn vị hành chính vào ngày {VietnamTime.Format(date)}:");
        if (counts.Count == 0)
        {
            await output.WriteLineAsync("  (không có: chưa nhập danh mục nào có hiệu lực vào ngày này)");
        }

        foreach (var level in counts.GroupBy(c => c.Level).OrderBy(g => g.Key))
        {
            var kinds = string.Join(", ", level.OrderBy(c => c.Kind).Select(c => $"{c.Count.ToString("N0", CultureInfo.InvariantCulture)} {c.Kind.Vietnamese()}"));
            await output.WriteLineAsync($"  {LevelName(level.Key),-10} {level.Sum(c => c.Count).ToString("N0", CultureInfo.InvariantCulture),7}  ({kinds})");
        }

        var catalogues = await db.UnitCatalogues.AsNoTracking().OrderBy(c => c.AsOf).ThenBy(c => c.Kind).ToListAsync();
        await output.WriteLineAsync("Tệp đã nhập:");
        foreach (var c in catalogues)
        {
            await output.WriteLineAsync($"  {VietnamTime.Format(c.AsOf)}  {(c.Kind == UnitCatalogueKind.Catalogue ? "danh mục" : "chuyển đổi"),-10} {c.SourceName} ({c.RowCount} dòng)");
        }

        _ = error;
        return Ok;
    }

    private static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.Province => "cấp tỉnh",
        UnitLevel.District => "cấp huyện",
        _ => "cấp xã",
    };

    private static async Task<int> DemoAsync(string[] hostArgs, TextWriter output, TextWriter error)
    {
        await using var app = await OpenAsync(hostArgs, migrate: true);
        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        var outcome = await seeder.EnsureAsync(CancellationToken.None);
        if (!outcome.IsSuccess)
        {
            await error.WriteLineAsync(outcome.Errors[0].Message);
            return Failed;
        }

        await output.WriteLineAsync(outcome.Value);
        return Ok;
    }

    private static async Task<int> CreateUserAsync(List<string> args, string[] hostArgs, TextWriter output, TextWriter error)
    {
        string? Take(string name)
        {
            var i = args.IndexOf(name);
            if (i < 0)
            {
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"{name} cần một giá trị.");
            }

            var value = args[i + 1];
            args.RemoveRange(i, 2);
            return value;
        }

        var name = Take("--name");
        var roleText = Take("--role");
        var unit = Take("--unit");
        var email = Take("--email");
        var fromStdin = args.Remove("--password-stdin");
        var unknown = args.FirstOrDefault(a => a.StartsWith('-'));
        if (unknown is not null)
        {
            throw new CliUsageException($"Tham số '{unknown}' không hợp lệ.");
        }

        if (args.Count != 1 || name is null || roleText is null || unit is null)
        {
            throw new CliUsageException("users create cần <tên đăng nhập> --name \"Họ tên\" --role <vai trò> --unit <mã đơn vị|VN>.");
        }

        if (!StaffRoles.TryParse(roleText, out var role))
        {
            throw new CliUsageException($"Vai trò '{roleText}' không có. Các vai trò: {string.Join(", ", StaffRoles.All)}.");
        }

        string? password = null;
        if (fromStdin)
        {
            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                throw new CliUsageException("--password-stdin: không đọc được mật khẩu từ đầu vào chuẩn.");
            }
        }

        await using var app = await OpenAsync(hostArgs, migrate: true);
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<Features.Accounts.CreateUser.Handler>();
        var result = await handler.HandleAsync(new Features.Accounts.CreateUser.Command
        {
            UserName = args[0],
            FullName = name,
            Email = email,
            Password = password,
            Roles = [(role, unit)],
        }, CancellationToken.None);
        if (!result.IsSuccess)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync(e.Message);
            }

            return Failed;
        }

        await output.WriteLineAsync($"Đã tạo tài khoản {args[0]} ({role.Vietnamese()}, đơn vị {unit}).");
        if (result.Value.GeneratedPassword is { } generated)
        {
            await output.WriteLineAsync($"Mật khẩu tạm (chỉ hiện một lần, phải đổi khi đăng nhập lần đầu): {generated}");
        }

        return Ok;
    }

    private static async Task<int> RotateTipKeysAsync(string[] hostArgs, TextWriter output)
    {
        await using var app = await OpenAsync(hostArgs, migrate: true);
        var rotated = await Features.Tips.Privacy.RotateTipKeys.RunAsync(app.Services, CancellationToken.None);
        await output.WriteLineAsync(rotated.NewKey
            ? $"Đã tạo khóa mới {rotated.ActiveKeyId} và bọc lại {rotated.Rewrapped} khóa dữ liệu tin báo. Khóa cũ vẫn nằm trong tệp khóa: sao lưu tệp rồi mới xóa khóa cũ."
            : $"Đã bọc lại {rotated.Rewrapped} khóa dữ liệu tin báo bằng khóa {rotated.ActiveKeyId} (Tips:ActiveKey).");
        return Ok;
    }

    private static async Task<int> VerifyAuditAsync(string[] hostArgs, TextWriter output, TextWriter error)
    {
        await using var app = await OpenAsync(hostArgs, migrate: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var result = await Features.Audit.AuditChain.VerifyAsync(db, CancellationToken.None);
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Nhật ký nguyên vẹn: {result.Checked} mục.");
            if (result.HeadSequence is { } head)
            {
                await output.WriteLineAsync($"Mục cuối: số {head}, mã băm {result.HeadHash}. Hãy ghi lại để phát hiện việc xóa các mục cuối.");
            }

            return Ok;
        }

        await error.WriteLineAsync($"Nhật ký KHÔNG nguyên vẹn. Mục hỏng đầu tiên: số {result.FirstBadSequence}. {result.Problem}");
        await error.WriteLineAsync($"Đã kiểm tra đúng {result.Checked} mục trước đó.");
        return Failed;
    }

    private static async Task<int> BackupAsync(List<string> args, string[] hostArgs, TextWriter output, TextWriter error)
    {
        if (args.Count != 1 || args[0].StartsWith('-'))
        {
            throw new CliUsageException("backup cần đúng một đường dẫn tệp đích.");
        }

        var target = Path.GetFullPath(args[0]);
        if (File.Exists(target))
        {
            throw new CliUsageException($"Tệp {target} đã có; chọn tên khác để không ghi đè bản sao lưu cũ.");
        }

        await using var app = await OpenAsync(hostArgs, migrate: false);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            await error.WriteLineAsync("Với PostgreSQL hãy dùng pg_dump, ví dụ: pg_dump --format=custom --file=toandan.dump \"$CONNECTION\" (xem docs/operations.md).");
            return Usage;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            // VACUUM INTO copies a transactionally consistent snapshot while the site keeps running.
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync();
        }

        await output.WriteLineAsync($"Đã sao lưu vào {target} ({new FileInfo(target).Length.ToString("N0", CultureInfo.InvariantCulture)} byte).");
        return Ok;
    }
}

/// <summary>A mistake in the command line (exit code 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);

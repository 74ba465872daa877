using Microsoft.Data.Sqlite;
using ToanDan.Web.Infrastructure.Cli;

namespace ToanDan.Tests.Infrastructure.Cli;

/// <summary>The administrative commands, run in-process against a temporary SQLite file.</summary>
public sealed class CliCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "toandan-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public CliCommandsTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "cli.db");

    private static string Catalogues => Path.Combine(AppContext.BaseDirectory, "data", "admin-units");

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliCommands.RunAsync([.. args, $"--ConnectionStrings:ToanDan=Data Source={Db}"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "bogus" }, true)]
    [InlineData(new[] { "--demo" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0" }, false)]
    [InlineData(new string[0], false)]
    public void IsCommand_TellsCommandsFromHostOptions(string[] args, bool expected) => Assert.Equal(expected, CliCommands.IsCommand(args));

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        using var output = new StringWriter();
        Assert.Equal(CliCommands.Ok, await CliCommands.RunAsync(["--help"], output, TextWriter.Null));
        foreach (var command in new[] { "migrate", "units import", "units stats", "demo", "backup" })
        {
            Assert.Contains(command, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "bogus" }, "Không có lệnh 'bogus'")]
    [InlineData(new[] { "units" }, "units cần")]
    [InlineData(new[] { "units", "import" }, "đúng một tệp")]
    [InlineData(new[] { "units", "import", "x.csv", "--as-of", "2021-13-01" }, "Ngày '2021-13-01'")]
    [InlineData(new[] { "units", "import", "x.csv", "--as-of" }, "--as-of cần")]
    [InlineData(new[] { "units", "stats", "--fast" }, "'--fast'")]
    [InlineData(new[] { "migrate", "now" }, "không nhận tham số")]
    [InlineData(new[] { "backup" }, "đường dẫn")]
    public async Task BadCommandLine_ExitsWith2AndSaysWhy(string[] args, string fragment)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(CliCommands.Usage, code);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWith2()
    {
        var (code, _, error) = await RunAsync("units", "import", Path.Combine(_folder, "none.csv"));
        Assert.Equal(CliCommands.Usage, code);
        Assert.Contains("Không tìm thấy", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileWithoutDate_AsksForAsOf()
    {
        var file = Path.Combine(_folder, "units.csv");
        await File.WriteAllTextAsync(file, "code,name,level,parent_code,division_type\n30,Tỉnh Hải Dương,province,,tỉnh\n", TestContext.Current.CancellationToken);
        var (code, _, error) = await RunAsync("units", "import", file);
        Assert.Equal(CliCommands.Usage, code);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadRow_ExitsWith1NamesTheLineAndChangesNothing()
    {
        var file = Path.Combine(_folder, "units-2020-01-01.csv");
        await File.WriteAllTextAsync(file, "code,name,level,parent_code,division_type\n30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,district,30,làng\n", TestContext.Current.CancellationToken);
        var (code, _, error) = await RunAsync("units", "import", file);
        Assert.Equal(CliCommands.Failed, code);
        Assert.Contains("units-2020-01-01.csv, dòng 3", error, StringComparison.Ordinal);
        var stats = await RunAsync("units", "stats", "--as-of", "2020-06-01");
        Assert.Contains("không có", stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFolder_ThenStats_GivesTheOfficialCountsPerLevel()
    {
        var (code, output, error) = await RunAsync("units", "import", Catalogues);
        Assert.True(code == CliCommands.Ok, error);
        Assert.Contains("units-pre-2025.csv (01/03/2025): 10794 đơn vị", output, StringComparison.Ordinal);

        var before = await RunAsync("units", "stats", "--as-of", "2025-06-30");
        Assert.Contains("cấp tỉnh        63", before.Output, StringComparison.Ordinal);
        Assert.Contains("cấp huyện      696", before.Output, StringComparison.Ordinal);
        Assert.Contains("cấp xã      10,035  (7,692 xã, 1,726 phường, 617 thị trấn)", before.Output, StringComparison.Ordinal);

        var after = await RunAsync("units", "stats", "--as-of=2025-07-01");
        Assert.Contains("cấp tỉnh        34  (28 tỉnh, 6 thành phố trung ương)", after.Output, StringComparison.Ordinal);
        Assert.Contains("cấp xã       3,321  (2,621 xã, 687 phường, 13 đặc khu)", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cấp huyện", after.Output, StringComparison.Ordinal);

        // Each imported file is one audit entry, and the chain holds.
        var verify = await RunAsync("audit", "verify");
        Assert.Equal(CliCommands.Ok, verify.Code);
        Assert.Contains("Nhật ký nguyên vẹn: 6 mục.", verify.Output, StringComparison.Ordinal);

        var again = await RunAsync("units", "import", Catalogues);
        Assert.Equal(6, again.Output.Split('\n').Count(l => l.Contains("không thay đổi", StringComparison.Ordinal)));

        // The database now holds real catalogues: the demo refuses it.
        var demo = await RunAsync("demo");
        Assert.Equal(CliCommands.Failed, demo.Code);
        Assert.Contains("không phải dữ liệu minh họa", demo.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Twice_SecondSaysUpToDate()
    {
        Assert.Equal(CliCommands.Ok, (await RunAsync("migrate")).Code);
        var (code, output, _) = await RunAsync("migrate");
        Assert.Equal(CliCommands.Ok, code);
        Assert.Contains("mới nhất", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WritesAConsistentCopyAndNeverOverwrites()
    {
        var file = Path.Combine(_folder, "units-2020-01-01.csv");
        await File.WriteAllTextAsync(file, "code,name,level,parent_code,division_type\n30,Tỉnh Hải Dương,province,,tỉnh\n", TestContext.Current.CancellationToken);
        Assert.Equal(CliCommands.Ok, (await RunAsync("units", "import", file)).Code);
        var target = Path.Combine(_folder, "backup", "toandan.db");
        var (code, output, _) = await RunAsync("backup", target);
        Assert.Equal(CliCommands.Ok, code);
        Assert.Contains("Đã sao lưu", output, StringComparison.Ordinal);

        await using (var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT name FROM administrative_units WHERE code = '30'";
            Assert.Equal("Tỉnh Hải Dương", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        var again = await RunAsync("backup", target);
        Assert.Equal(CliCommands.Usage, again.Code);
        Assert.Contains("đã có", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProvider_FailsWithAClearMessage()
    {
        using var error = new StringWriter();
        var code = await CliCommands.RunAsync(["migrate", "--Database:Provider=Oracle"], TextWriter.Null, error);
        Assert.Equal(CliCommands.Failed, code);
        Assert.Contains("Oracle", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Features.Tips.Staff;
using static ToanDan.Tests.Features.Tips.TipsTestKit;

namespace ToanDan.Tests.Features.Tips;

/// <summary>Tips tests that need an application of their own: throttling, the database file's bytes, key rotation, purge.</summary>
public sealed class TipsIsolatedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Code, Guid Id)> SubmitAsync(ToanDanFactory factory, Dictionary<string, string> fields)
    {
        var area = await AreaAsync(factory);
        fields.TryAdd("Input.UnitCode", area.Communes[0].Code);
        fields.TryAdd("Input.Warned", "true");
        using var client = Client(factory);
        var code = await CodeAsync(await TipsTestKit.SubmitAsync(factory, client, fields));
        await using var scope = factory.Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<ReceiptCodes>().Hash(code);
        return (code, await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Tips.Where(t => t.ReceiptHash == hash).Select(t => t.Id).SingleAsync(Ct));
    }

    [Fact]
    public async Task WrongCodes_AreRateLimitedPerAddress_WithTheSameGenericAnswer()
    {
        await using var app = await IsolatedApp.CreateAsync(SqliteTarget.Instance, TestData.Demo);
        var factory = app.Factory;
        var (code, _) = await SubmitAsync(factory, new() { ["Input.What"] = "Tin báo để thử tra cứu." });
        using var citizen = Client(factory);
        var form = await Html.GetAsync(citizen, "/tra-cuu");
        async Task<HttpResponseMessage> OpenAsync(string c) =>
            await Html.PostAsync(citizen, "/tra-cuu?handler=Open", [new("__RequestVerificationToken", Html.Token(form)), new("Code", c)]);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await OpenAsync($"0000 0000 0000 000{i}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var blocked = await OpenAsync(code);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        var message = Errors(await blocked.Content.ReadAsStringAsync(Ct));
        Assert.Contains(ToanDan.Web.Features.Tips.Public.TrackModel.WrongCode, message, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(code)).StatusCode);
    }

    [Fact]
    public async Task ReporterNameAndNarrative_AreNotInTheSqliteFileBytes()
    {
        await using var app = await IsolatedApp.CreateAsync(SqliteTarget.Instance, TestData.Demo);
        const string name = "Trịnh Khắc Zyxwvutsr";
        const string phone = "0987654321";
        const string story = "Câu-chuyện-bí-mật QWERTYUIOP ở bãi sông";
        var (_, id) = await SubmitAsync(app.Factory, new()
        {
            ["Input.What"] = story,
            ["Input.Identity"] = "named",
            ["Input.Name"] = name,
            ["Input.Phone"] = phone,
            ["Input.Address"] = "Số 7 ngõ Zyxwvutsr",
        });

        // An officer reads it and writes a note: still nothing in clear in the database.
        using var officer = Client(app.Factory).As($"CommunePolice@{(await AreaAsync(app.Factory)).Communes[0].Code}");
        var detail = await officer.GetStringAsync($"/staff/tips/{id}", Ct);
        Assert.Contains("QWERTYUIOP", detail, StringComparison.Ordinal);

        var file = new SqliteConnectionStringBuilder(app.Factory.ConnectionString).DataSource;
        var bytes = new List<byte>();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, Ct);
            bytes.AddRange(buffer.ToArray());
        }

        var all = bytes.ToArray();
        Assert.True(all.Length > 100_000);
        foreach (var secret in new[] { name, "Zyxwvutsr", phone, "QWERTYUIOP", story })
        {
            Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
    }

    [Fact]
    public async Task RotateKey_RewrapsEveryDataKey_AndEveryTipStillOpens()
    {
        await using var app = await IsolatedApp.CreateAsync(SqliteTarget.Instance, TestData.Demo);
        var (_, id) = await SubmitAsync(app.Factory, new() { ["Input.What"] = "Trước khi đổi khóa.", ["Input.Identity"] = "named", ["Input.Name"] = "Người thử đổi khóa" });
        var rotated = await RotateTipKeys.RunAsync(app.Factory.Services, Ct);
        Assert.True(rotated.NewKey);
        Assert.True(rotated.Rewrapped >= 73);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        Assert.All(await db.Tips.Select(t => t.KeyId).Distinct().ToListAsync(Ct), k => Assert.Equal(rotated.ActiveKeyId, k));
        var vault = scope.ServiceProvider.GetRequiredService<TipVault>();
        foreach (var tip in await db.Tips.AsNoTracking().ToListAsync(Ct))
        {
            using var key = vault.Open(tip);
            Assert.NotEmpty(key.UnsealJson<TipNarrative>(SealPurpose.Narrative, tip.NarrativeCipher).What);
        }

        var revealed = await scope.ServiceProvider.GetRequiredService<RevealIdentity.Handler>()
            .HandleAsync(As($"CommunePolice@{(await AreaAsync(app.Factory)).Communes[0].Code}"), id, "Kiểm tra sau khi đổi khóa", Ct);
        Assert.Equal("Người thử đổi khóa", revealed.Value.Identity!.Name);
        Assert.Equal(0, (await RotateTipKeys.RunAsync(app.Factory.Services, Ct)).Rewrapped - (await db.Tips.CountAsync(Ct)));
    }

    [Fact]
    public async Task ClosedTips_ArePurgedAfterRetention_FilesSecurelyDeleted_OrphansRemoved()
    {
        await using var app = await IsolatedApp.CreateAsync(SqliteTarget.Instance, TestData.Demo);
        var factory = app.Factory;
        var area = await AreaAsync(factory);
        using var citizen = Client(factory);
        var code = await CodeAsync(await TipsTestKit.SubmitAsync(factory, citizen, new Dictionary<string, string>
        {
            ["Input.What"] = "Tin báo sẽ bị xóa khi hết hạn lưu trữ.", ["Input.UnitCode"] = area.Communes[0].Code, ["Input.Warned"] = "true",
        }, ("anh.jpg", "image/jpeg", JpegWithMetadata())));
        Guid id;
        var officer = As($"CommunePolice@{area.Communes[0].Code}");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var hash = scope.ServiceProvider.GetRequiredService<ReceiptCodes>().Hash(code);
            id = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Tips.Where(t => t.ReceiptHash == hash).Select(t => t.Id).SingleAsync(Ct);
            var steps = scope.ServiceProvider.GetRequiredService<HandleTip.Handler>();
            Assert.True((await steps.HandleAsync(officer, new() { TipId = id, Step = HandleTip.Step.Decide, Outcome = TipOutcome.NotACrimeForwarded }, Ct)).IsSuccess);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HandleTip.Handler>().HandleAsync(officer, new() { TipId = id, Step = HandleTip.Step.Close }, Ct)).IsSuccess);
        }

        var store = factory.Services.GetRequiredService<TipFileStore>();
        var folder = Path.Combine(store.Root, id.ToString("N"));
        Assert.True(Directory.Exists(folder));

        // An orphan from a crash between writing a file and committing its row.
        var orphanTip = Guid.CreateVersion7();
        await store.WriteAsync(orphanTip, Guid.CreateVersion7(), view: false, [1, 2, 3], Ct);
        foreach (var orphan in Directory.EnumerateFiles(Path.Combine(store.Root, orphanTip.ToString("N"))))
        {
            File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-2));
        }

        factory.Clock.Advance(TimeSpan.FromDays(365));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TipsMaintenance>().RunOnceAsync(Ct);
            Assert.Equal(0, outcome.Purged);
            Assert.Equal(1, outcome.Orphans);
        }

        Assert.False(Directory.Exists(Path.Combine(store.Root, orphanTip.ToString("N"))));
        factory.Clock.Advance(TimeSpan.FromDays((5 * 365) + 1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TipsMaintenance>().RunOnceAsync(Ct);
            Assert.Equal(1, outcome.Purged);
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            Assert.False(await db.Tips.AnyAsync(t => t.Id == id, Ct));
            Assert.False(await db.TipAttachments.AnyAsync(a => a.TipId == id, Ct));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "tips.purge", Ct));
            Assert.True(await db.Tips.CountAsync(Ct) >= 72, "decided demo tips are kept");
        }

        Assert.False(Directory.Exists(folder));
    }
}

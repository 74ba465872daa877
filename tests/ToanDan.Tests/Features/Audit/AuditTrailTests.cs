using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Cli;

namespace ToanDan.Tests.Features.Audit;

/// <summary>The hash-chained audit trail: written with every audited change, and tamper-evident.</summary>
public abstract class AuditTrailTests(AppFixture app) : AppTests(app)
{
    private static PlaceDetails Details(string name) => new(PlaceKind.ResidentialArea, name, "thôn", null, null, null, false, new DateOnly(2020, 1, 1), null);

    private static async Task<Place> AddPlaceAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var place = Place.Create("10606", Details(name), DateTime.UtcNow).Value;
        db.Places.Add(place);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return place;
    }

    private static async Task<AuditChain.Verification> VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<ToanDanDb>(), TestContext.Current.CancellationToken);
    }

    private static async Task SqlAsync(IServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    private static async Task<List<AuditEntry>> EntriesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ToanDanDb>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Changes_AreRecordedInTheSameSaveWithADiff()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        var place = await AddPlaceAsync(app.Factory.Services, "Thôn Đông");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var stored = await db.Places.SingleAsync(p => p.Id == place.Id, TestContext.Current.CancellationToken);
            Assert.Empty(stored.Update(Details("Thôn Đoài"), DateTime.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Places.Remove(stored);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var entries = await EntriesAsync(app.Factory.Services);
        Assert.Equal(["create", "update", "delete"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("Units", "Place", place.Id.ToString(), "10606"), (e.Module, e.EntityType, e.EntityId, e.UnitCode)));
        var update = JsonDocument.Parse(entries[1].Changes!).RootElement;
        Assert.Equal(["Thôn Đông", "Thôn Đoài"], update.GetProperty("Name").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(1, entries[0].Sequence);
        Assert.Equal("", entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.True((await VerifyAsync(app.Factory.Services)).IsIntact);
    }

    [Fact]
    public async Task ConcurrentWriters_KeepOneGaplessChain()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => AddPlaceAsync(app.Factory.Services, $"Thôn số {i}")));
        var result = await VerifyAsync(app.Factory.Services);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(20, result.Checked);
    }

    [Fact]
    public async Task EditedEntry_IsNamedByVerify()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        for (var i = 0; i < 5; i++)
        {
            await AddPlaceAsync(app.Factory.Services, $"Thôn {i}");
        }

        await SqlAsync(app.Factory.Services, "UPDATE audit_entries SET actor = 'nguoi-khac' WHERE sequence = 3");
        var result = await VerifyAsync(app.Factory.Services);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("đã bị sửa", result.Problem, StringComparison.Ordinal);
        Assert.Equal(2, result.Checked);
    }

    [Fact]
    public async Task RemovedEntry_IsNamedByVerify()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        for (var i = 0; i < 5; i++)
        {
            await AddPlaceAsync(app.Factory.Services, $"Thôn {i}");
        }

        await SqlAsync(app.Factory.Services, "DELETE FROM audit_entries WHERE sequence = 2");
        var result = await VerifyAsync(app.Factory.Services);
        Assert.Equal(2, result.FirstBadSequence);
        Assert.Contains("Thiếu mục số 2", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReorderedEntries_AreNamedByVerify()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        for (var i = 0; i < 5; i++)
        {
            await AddPlaceAsync(app.Factory.Services, $"Thôn {i}");
        }

        await SqlAsync(app.Factory.Services, "UPDATE audit_entries SET sequence = -4 WHERE sequence = 4");
        await SqlAsync(app.Factory.Services, "UPDATE audit_entries SET sequence = 4 WHERE sequence = 3");
        await SqlAsync(app.Factory.Services, "UPDATE audit_entries SET sequence = 3 WHERE sequence = -4");
        var result = await VerifyAsync(app.Factory.Services);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("không nối với mục trước", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampering_MakesTheCommandExitWith1AndNameTheEntry()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        for (var i = 0; i < 3; i++)
        {
            await AddPlaceAsync(app.Factory.Services, $"Thôn {i}");
        }

        string[] hostArgs = [$"--Database:Provider={App.Target.Provider}", $"--ConnectionStrings:ToanDan={app.Factory.ConnectionString}"];
        using var ok = new StringWriter();
        Assert.Equal(CliCommands.Ok, await CliCommands.RunAsync(["audit", "verify", .. hostArgs], ok, TextWriter.Null));
        Assert.Contains("Nhật ký nguyên vẹn: 3 mục.", ok.ToString(), StringComparison.Ordinal);

        await SqlAsync(app.Factory.Services, "UPDATE audit_entries SET changes = 'sua-lai' WHERE sequence = 2");
        using var error = new StringWriter();
        Assert.Equal(CliCommands.Failed, await CliCommands.RunAsync(["audit", "verify", .. hostArgs], TextWriter.Null, error));
        Assert.Contains("Mục hỏng đầu tiên: số 2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousActor_LeavesNoClientAddress_StaffActorDoes()
    {
        await using var app = await IsolatedApp.CreateAsync(App.Target, TestData.Empty);
        await AddPlaceAsync(app.Factory.Services, "Thôn Ngoài Request");
        var entry = Assert.Single(await EntriesAsync(app.Factory.Services));
        Assert.Null(entry.ClientIp);
        Assert.StartsWith("cli:", entry.Actor, StringComparison.Ordinal);
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteEmptyApp app) : AuditTrailTests(app), IClassFixture<SqliteEmptyApp>;

public sealed class AuditTrailTestsOnPostgreSql(PostgreSqlEmptyApp app) : AuditTrailTests(app), IClassFixture<PostgreSqlEmptyApp>;

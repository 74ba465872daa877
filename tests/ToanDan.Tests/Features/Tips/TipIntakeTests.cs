using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Features.Units;

namespace ToanDan.Tests.Features.Tips;

/// <summary>
/// Group commit of new tips (<see cref="TipIntake"/>): submissions queued while a group is written go together into
/// the next transaction, each audited to its own author; a bad one fails alone; shutdown writes what is queued.
/// The tests hold the database's write lock so that the queue fills deterministically.
/// </summary>
public abstract class TipIntakeTests(AppFixture app) : AppTests(app)
{
    private static readonly AuditActorSnapshot Citizen = new(null, "ẩn danh", null);
    private static readonly AuditActorSnapshot Officer = new(Guid.Parse("0192a000-0000-7000-8000-00000000c0a1"), "canbo.tiepnhan", "10.0.0.9");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TipIntake NewIntake() => new(Factory.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<TipIntake>.Instance);

    private TipIntake.Submission NewSubmission(string unit, AuditActorSnapshot author, string? receiptHash = null)
    {
        var vault = Factory.Services.GetRequiredService<TipVault>();
        var id = Guid.CreateVersion7();
        using var key = vault.NewKey(id);
        var narrative = key.SealJson(SealPurpose.Narrative, new TipNarrative("Tin báo thử ghi theo nhóm.", null, null));
        return new TipIntake.Submission(
            id,
            new Tip.Intake(unit, TipChannel.Web, TipKind.Denunciation, TipCategory.Other, null, null, Anonymous: true, SecrecyRequested: false, PlaceUnknown: false, RemoteArea: false),
            receiptHash ?? Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            new Tip.Sealed(key.KeyId, key.Wrapped, null, narrative),
            Factory.Clock.GetUtcNow().UtcDateTime,
            [],
            author);
    }

    /// <summary>Holds the write lock the intake's transaction needs (SQLite's single writer, PostgreSQL's audit-chain lock) until disposed.</summary>
    private async Task<AsyncServiceScope> HoldWritesAsync()
    {
        var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        await db.Database.BeginTransactionAsync(Ct);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE tip_remote_units SET note = note WHERE 1 = 0", Ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditTrail.PostgreSqlChainLock})", Ct);
        }

        return scope;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition(), "the intake did not reach the expected state within 10 s");
    }

    /// <summary>Starts a submission that becomes the writer and blocks on the held lock; returns once its group is taken.</summary>
    private static async Task<Task> LeadAsync(TipIntake intake, TipIntake.Submission submission)
    {
        // On a background thread: SQLite's busy wait blocks the caller synchronously.
        var lead = Task.Run(() => intake.CommitAsync(submission), Ct);
        await UntilAsync(() => intake.Writing && intake.Queued == 0);
        return lead;
    }

    private async Task<string[]> CommunesAsync(int count)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        return await db.AdministrativeUnits.Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null).OrderBy(u => u.Code).Select(u => u.Code).Take(count).ToArrayAsync(Ct);
    }

    [Fact]
    public async Task QueuedSubmissions_OneTransaction_EachAuditedToItsAuthor_RemoteFlagPerCommune_ChainIntact()
    {
        var communes = await CommunesAsync(2);
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            if (!await db.TipRemoteUnits.AnyAsync(r => r.UnitCode == communes[1], Ct))
            {
                db.TipRemoteUnits.Add(TipRemoteUnit.Create(communes[1], "Xã đảo (thử)", Factory.Clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(Ct);
            }
        }

        var intake = NewIntake();
        var first = NewSubmission(communes[0], Citizen);
        var queued = Enumerable.Range(0, 12).Select(i => NewSubmission(communes[i % 2], i % 3 == 0 ? Officer : Citizen)).ToList();
        Task lead;
        List<Task> followers;
        await using (await HoldWritesAsync())
        {
            lead = await LeadAsync(intake, first);
            followers = queued.Select(intake.CommitAsync).ToList();
            Assert.Equal(12, intake.Queued);
            Assert.False(lead.IsCompleted);
            Assert.DoesNotContain(followers, f => f.IsCompleted);
        }

        await lead;
        await Task.WhenAll(followers);
        Assert.Equal(2, intake.Groups);
        await UntilAsync(() => !intake.Writing);

        await using var check = Scope();
        var context = check.ServiceProvider.GetRequiredService<ToanDanDb>();
        var all = queued.Prepend(first).ToList();
        var ids = all.Select(s => s.Id).ToList();
        var tips = await context.Tips.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, Ct);
        Assert.Equal(13, tips.Count);
        foreach (var submission in all)
        {
            var tip = tips[submission.Id];
            var remote = submission.Intake.UnitCode == communes[1];
            Assert.Equal(remote, tip.RemoteArea);
            Assert.Equal(tip.ReceivedAtUtc.AddHours(remote ? 48 : 24), tip.TransferDueUtc);
        }

        var idTexts = ids.Select(i => i.ToString()).ToList();
        var entries = await context.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Tip) && idTexts.Contains(e.EntityId)).ToListAsync(Ct);
        Assert.Equal(13, entries.Count);
        foreach (var submission in all)
        {
            var entry = Assert.Single(entries, e => e.EntityId == submission.Id.ToString());
            Assert.Equal(AuditActions.Create, entry.Action);
            Assert.Equal(submission.Author.Name, entry.Actor);
            Assert.Equal(submission.Author.UserId, entry.UserId);
            Assert.Equal(submission.Author.ClientIp, entry.ClientIp);
        }

        Assert.True((await AuditChain.VerifyAsync(context, Ct)).IsIntact);
    }

    [Fact]
    public async Task IntakeRowsAndAuditEntries_AreThoseOfAnOrdinarySave()
    {
        var unit = (await CommunesAsync(1))[0];
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var vault = Factory.Services.GetRequiredService<TipVault>();
        var id = Guid.CreateVersion7();
        using var key = vault.NewKey(id);
        var sealedParts = new Tip.Sealed(key.KeyId, key.Wrapped, key.SealJson(SealPurpose.Identity, new TipIdentity("Nguyễn Văn A", "0912345678", null)), key.SealJson(SealPurpose.Narrative, new TipNarrative("Có người lạ.", "Đầu ngõ", "22 giờ")));
        var intakeFields = new Tip.Intake(unit, TipChannel.Phone, TipKind.Report, TipCategory.Drugs, "BB-01/2026", new DateOnly(2026, 11, 20), Anonymous: false, SecrecyRequested: true, PlaceUnknown: false, RemoteArea: false);
        TipAttachment Attachment(Guid tipId) => TipAttachment.Create(Guid.CreateVersion7(), tipId, unit, TipFileKind.Image, "image/png", 1234, new string('a', 64), [1, 2, 3], hasViewCopy: true, fromReporter: false, now);
        var intakeHash = "intake-" + Guid.NewGuid().ToString("N");
        var viaIntake = new TipIntake.Submission(id, intakeFields, intakeHash, sealedParts, now.AddMinutes(-3), [Attachment(id)], Officer);
        await NewIntake().CommitAsync(viaIntake);

        var twinId = Guid.CreateVersion7();
        var twinHash = "ordinary-" + Guid.NewGuid().ToString("N");
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            db.Tips.Add(Tip.Receive(twinId, intakeFields, twinHash, sealedParts, now.AddMinutes(-3)));
            db.TipAttachments.Add(Attachment(twinId));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = Scope();
        var context = check.ServiceProvider.GetRequiredService<ToanDanDb>();
        Assert.Equal(
            await RowAsync(context, "SELECT * FROM tips WHERE receipt_hash = @h", twinHash, "id", "receipt_hash"),
            await RowAsync(context, "SELECT * FROM tips WHERE receipt_hash = @h", intakeHash, "id", "receipt_hash"));
        const string files = "SELECT * FROM tip_attachments WHERE tip_id = (SELECT id FROM tips WHERE receipt_hash = @h)";
        Assert.Equal(
            await RowAsync(context, files, twinHash, "id", "tip_id"),
            await RowAsync(context, files, intakeHash, "id", "tip_id"));

        // The same audit entries, but for the author and the keys.
        var ids = new[] { id.ToString(), twinId.ToString() };
        var entries = await context.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Tip) && ids.Contains(e.EntityId)).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        var intakeEntry = entries.Single(e => e.EntityId == id.ToString());
        var ordinaryEntry = entries.Single(e => e.EntityId == twinId.ToString());
        Assert.Equal(ordinaryEntry.Changes!.Replace(twinHash, "H", StringComparison.Ordinal), intakeEntry.Changes!.Replace(intakeHash, "H", StringComparison.Ordinal));
        Assert.Contains("\"Status\":\"New\"", intakeEntry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"NarrativeCipher\":\"***\"", intakeEntry.Changes, StringComparison.Ordinal);
        Assert.Equal((ordinaryEntry.Module, ordinaryEntry.Action, ordinaryEntry.UnitCode), (intakeEntry.Module, intakeEntry.Action, intakeEntry.UnitCode));
        Assert.Equal((Officer.Name, Officer.UserId, Officer.ClientIp), (intakeEntry.Actor, intakeEntry.UserId, intakeEntry.ClientIp));
        var attachmentEntries = await context.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(TipAttachment)).OrderByDescending(e => e.Sequence).Take(2).ToListAsync(Ct);
        Assert.Equal(2, attachmentEntries.Count);
        Assert.Equal(
            attachmentEntries[0].Changes!.Replace(twinId.ToString(), "T", StringComparison.OrdinalIgnoreCase),
            attachmentEntries[1].Changes!.Replace(id.ToString(), "T", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One row's columns as text, without the named ones, read with plain ADO.NET.</summary>
    private static async Task<string> RowAsync(ToanDanDb db, string sql, string hash, params string[] without)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@h";
            parameter.Value = hash;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct), "no row for " + hash);
            var columns = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!without.Contains(reader.GetName(i)))
                {
                    var value = reader.GetValue(i);
                    columns.Add($"{reader.GetName(i)}={(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))}:{value.GetType().Name}");
                }
            }

            Assert.False(await reader.ReadAsync(Ct));
            return string.Join("\n", columns);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task FailingSubmission_InAGroup_FailsAlone_TheOthersAreCommitted()
    {
        var unit = (await CommunesAsync(1))[0];
        var intake = NewIntake();
        var duplicate = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var good = Enumerable.Range(0, 3).Select(_ => NewSubmission(unit, Citizen)).ToList();
        var twins = new[] { NewSubmission(unit, Citizen, duplicate), NewSubmission(unit, Citizen, duplicate) };
        Task lead;
        List<Task> goodTasks;
        Task[] twinTasks;
        await using (await HoldWritesAsync())
        {
            lead = await LeadAsync(intake, NewSubmission(unit, Citizen));
            goodTasks = [intake.CommitAsync(good[0]), intake.CommitAsync(twins[0]), intake.CommitAsync(good[1]), intake.CommitAsync(twins[1]), intake.CommitAsync(good[2])];
            twinTasks = [goodTasks[1], goodTasks[3]];
            goodTasks.RemoveAt(3);
            goodTasks.RemoveAt(1);
            Assert.Equal(5, intake.Queued);
        }

        await lead;
        await Task.WhenAll(goodTasks);
        await twinTasks[0];
        await Assert.ThrowsAsync<DbUpdateException>(() => twinTasks[1]);

        // The leader's transaction, then the group of five failed and was retried one by one: four commits.
        Assert.Equal(5, intake.Groups);
        await using var check = Scope();
        var db = check.ServiceProvider.GetRequiredService<ToanDanDb>();
        var ids = good.Append(twins[0]).Append(twins[1]).Select(s => s.Id).ToList();
        var saved = await db.Tips.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(Ct);
        Assert.Equal(good.Append(twins[0]).Select(s => s.Id).Order(), saved.Order());
        Assert.True((await AuditChain.VerifyAsync(db, Ct)).IsIntact);
    }

    [Fact]
    public async Task DatabaseUnavailable_EachSubmissionFails_AndTheIntakeRecovers()
    {
        var unit = (await CommunesAsync(1))[0];
        var scopes = new FailingScopes(Factory.Services.GetRequiredService<IServiceScopeFactory>()) { Down = true };
        var intake = new TipIntake(scopes, NullLogger<TipIntake>.Instance);
        var lost = NewSubmission(unit, Citizen);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => intake.CommitAsync(lost));
        Assert.Equal(FailingScopes.Message, error.Message);
        await UntilAsync(() => !intake.Writing);

        scopes.Down = false;
        var saved = NewSubmission(unit, Officer);
        await intake.CommitAsync(saved);
        await using var check = Scope();
        var db = check.ServiceProvider.GetRequiredService<ToanDanDb>();
        Assert.True(await db.Tips.AnyAsync(t => t.Id == saved.Id, Ct));
        Assert.False(await db.Tips.AnyAsync(t => t.Id == lost.Id, Ct));
    }

    /// <summary>A scope factory that fails while <see cref="Down"/>, as a database that cannot be reached does.</summary>
    private sealed class FailingScopes(IServiceScopeFactory inner) : IServiceScopeFactory
    {
        public const string Message = "database unreachable (test)";

        public bool Down { get; set; }

        public IServiceScope CreateScope() => Down ? throw new InvalidOperationException(Message) : inner.CreateScope();
    }

    [Fact]
    public async Task Shutdown_WritesWhatIsQueued_ThenRefusesNewSubmissions()
    {
        var unit = (await CommunesAsync(1))[0];
        var intake = NewIntake();
        var queued = Enumerable.Range(0, 4).Select(_ => NewSubmission(unit, Citizen)).ToList();
        Task lead;
        List<Task> followers;
        Task drain;
        await using (await HoldWritesAsync())
        {
            lead = await LeadAsync(intake, NewSubmission(unit, Citizen));
            followers = queued.Select(intake.CommitAsync).ToList();
            drain = intake.DrainAsync(Ct);
            await Task.Delay(50, Ct);
            Assert.False(drain.IsCompleted);
        }

        await drain;

        // Once the drain is over, every queued tip is committed (the requests' tasks complete just after).
        await using (var check = Scope())
        {
            var ids = queued.Select(s => s.Id).ToList();
            Assert.Equal(4, await check.ServiceProvider.GetRequiredService<ToanDanDb>().Tips.CountAsync(t => ids.Contains(t.Id), Ct));
        }

        await lead;
        await Task.WhenAll(followers);
        await Assert.ThrowsAsync<InvalidOperationException>(() => intake.CommitAsync(NewSubmission(unit, Citizen)));
    }
}

public sealed class TipIntakeTestsOnSqlite(SqliteDemoApp app) : TipIntakeTests(app), IClassFixture<SqliteDemoApp>;

public sealed class TipIntakeTestsOnPostgreSql(PostgreSqlDemoApp app) : TipIntakeTests(app), IClassFixture<PostgreSqlDemoApp>;

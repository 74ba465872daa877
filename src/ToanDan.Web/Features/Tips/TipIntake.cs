using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// Group commit of new tips. Every submission is prepared by its own request (checked, sealed, files flushed to
/// disk) and then handed to this single writer, which saves all the submissions waiting at that moment in one
/// transaction — each tip with its own audit entry, attributed to its own author — and completes each request only
/// after that transaction's COMMIT has returned. With <c>synchronous=FULL</c> one fsync then makes a whole group
/// durable instead of one tip: under a burst of citizens' submissions the throughput is bounded by the CPU, not by
/// the disk's flush (bench/tips.sh), while a lone submission is committed at once by its own request.
/// A failed group is retried one submission at a time, so that one bad submission fails alone.
/// </summary>
public sealed class TipIntake(IServiceScopeFactory scopes, ILogger<TipIntake> logger) : IAsyncDisposable
{
    /// <summary>Most submissions saved in one transaction (bounds the transaction's size and its latency).</summary>
    public const int MaxGroup = 64;

    private readonly Lock _gate = new();
    private readonly Queue<Submission> _pending = new();
    private bool _writing;
    private bool _closed;
    private long _groups;

    /// <summary>Transactions committed so far (a group retried one by one counts each of its commits).</summary>
    public long Groups => Interlocked.Read(ref _groups);

    /// <summary>Whether a group is being written.</summary>
    internal bool Writing
    {
        get
        {
            lock (_gate)
            {
                return _writing;
            }
        }
    }

    /// <summary>Submissions waiting for a writer.</summary>
    internal int Queued
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>A prepared tip waiting for its commit: everything but whether its commune is flagged remote.</summary>
    public sealed class Submission(Guid id, Tip.Intake intake, string receiptHash, Tip.Sealed sealedParts, DateTime receivedAtUtc, IReadOnlyList<TipAttachment> attachments, AuditActorSnapshot author)
    {
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Guid Id { get; } = id;

        /// <summary>What the officer or citizen told; the writer sets <see cref="Tip.Intake.RemoteArea"/> (the 48-hour clock).</summary>
        public Tip.Intake Intake { get; } = intake;

        public IReadOnlyList<TipAttachment> Attachments { get; } = attachments;

        /// <summary>Who submitted it, for the audit trail.</summary>
        public AuditActorSnapshot Author { get; } = author;

        internal Tip Receive(bool remoteArea) => Tip.Receive(Id, Intake with { RemoteArea = remoteArea }, receiptHash, sealedParts, receivedAtUtc);

        internal Task Committed => _committed.Task;

        internal void Succeed() => _committed.TrySetResult();

        internal void Fail(Exception error) => _committed.TrySetException(error);
    }

    /// <summary>
    /// Queues a submission; completes when its transaction is committed, or fails with the reason it was not.
    /// When no group is being written, the caller writes its own at once (a lone submission pays no hand-over);
    /// otherwise it waits for the writer, which takes every submission queued meanwhile into its next group.
    /// </summary>
    public async Task CommitAsync(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        bool lead;
        lock (_gate)
        {
            if (_closed)
            {
                throw new InvalidOperationException("The tip intake is shut down; the submission was not saved.");
            }

            _pending.Enqueue(submission);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            await WriteGroupsAsync(submission);
        }

        await submission.Committed;
    }

    /// <summary>Stops taking submissions and waits until every queued one is committed (host shutdown), or until <paramref name="ct"/> gives up.</summary>
    public async Task DrainAsync(CancellationToken ct = default)
    {
        while (true)
        {
            lock (_gate)
            {
                _closed = true;
                if (!_writing)
                {
                    return;
                }
            }

            await Task.Delay(10, ct);
        }
    }

    public async ValueTask DisposeAsync() => await DrainAsync();

    /// <summary>
    /// Writes groups while submissions are queued, on one context and connection for consecutive groups. A request
    /// that writes stops once its own tip is committed and hands what is left to a background writer, so that no
    /// request writes for the others for ever under a steady load.
    /// </summary>
    private async Task WriteGroupsAsync(Submission? mine)
    {
        var group = new List<Submission>(MaxGroup);
        Session? session = null;
        try
        {
            while (true)
            {
                group.Clear();
                var handedOver = false;
                lock (_gate)
                {
                    if (_pending.Count == 0 && session is null)
                    {
                        _writing = false;
                        return;
                    }

                    if (_pending.Count > 0 && mine is not null && mine.Committed.IsCompleted)
                    {
                        // The background writer must not inherit this request's HttpContext (the audit actor) or cancellation.
                        using var noFlow = ExecutionContext.SuppressFlow();
                        _ = Task.Run(() => WriteGroupsAsync(null), CancellationToken.None);
                        handedOver = true;
                    }
                    else
                    {
                        while (group.Count < MaxGroup && _pending.TryDequeue(out var next))
                        {
                            group.Add(next);
                        }
                    }
                }

                if (group.Count == 0)
                {
                    // Idle or handed over: release the context and its connection, then look at the queue once more.
                    await ReleaseAsync(session);
                    session = null;
                    if (handedOver)
                    {
                        return;
                    }

                    continue;
                }

                session = await WriteAsync(session, group);
            }
        }
#pragma warning disable CA1031 // A safety net: whatever went wrong, no request may wait for ever on a writer that is gone.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TipsLog.WriterFailed(logger, ex);
            await ReleaseAsync(session);
            List<Submission> stranded;
            lock (_gate)
            {
                stranded = [.. group.Where(s => !s.Committed.IsCompleted), .. _pending];
                _pending.Clear();
                _writing = false;
            }

            foreach (var submission in stranded)
            {
                submission.Fail(ex);
            }
        }
    }

    /// <summary>Closes a session; a failure to close is logged, never thrown (its work is committed or rolled back).</summary>
    private async Task ReleaseAsync(Session? session)
    {
        if (session is null)
        {
            return;
        }

        try
        {
            await session.DisposeAsync();
        }
#pragma warning disable CA1031 // See above.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TipsLog.SessionCloseFailed(logger, ex);
        }
    }

    /// <summary>Writes a group and completes its submissions; returns the session to reuse, or null after a failure.</summary>
    private async Task<Session?> WriteAsync(Session? session, List<Submission> group)
    {
        try
        {
            session ??= await Session.OpenAsync(scopes);
            await SaveAsync(session, group);
            foreach (var submission in group)
            {
                submission.Succeed();
            }

            return session;
        }
#pragma warning disable CA1031 // The writer must outlive any failure: each waiting request receives its own.
        catch (Exception ex)
        {
            await ReleaseAsync(session);
            if (group.Count == 1)
            {
                group[0].Fail(ex);
                return null;
            }

            TipsLog.GroupFailed(logger, group.Count, ex);
        }

        foreach (var submission in group)
        {
            try
            {
                await using var alone = await Session.OpenAsync(scopes);
                await SaveAsync(alone, [submission]);
                submission.Succeed();
            }
            catch (Exception ex)
            {
                submission.Fail(ex);
            }
        }
#pragma warning restore CA1031

        return null;
    }

    private async Task SaveAsync(Session session, List<Submission> group)
    {
        var db = session.Db;
        var units = group.Select(s => s.Intake.UnitCode).Distinct(StringComparer.Ordinal).ToArray();
        var query = RemoteUnits.GetValue(db.Model, static _ => EF.CompileAsyncQuery(
            (ToanDanDb context, string[] codes) => context.TipRemoteUnits.Where(r => codes.Contains(r.UnitCode)).Select(r => r.UnitCode)));
        var remote = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var code in query(db, units))
        {
            remote.Add(code);
        }

        // The rows are inserted with commands kept prepared for the session (EF Core's change tracking and SQL
        // generation for a 40-column row cost more than the insert itself); their audit entries are exactly those an
        // ordinary save would write, each attributed to the submission's author, chained in the same transaction.
        var tipType = db.Model.FindEntityType(typeof(Tip))!;
        var attachmentType = db.Model.FindEntityType(typeof(TipAttachment))!;
        var tips = new List<Tip>(group.Count);
        foreach (var submission in group)
        {
            var tip = submission.Receive(remote.Contains(submission.Intake.UnitCode));
            tips.Add(tip);
            db.Audit?.Add(AuditTrail.Created(tipType, tip, submission.Author));
            foreach (var attachment in submission.Attachments)
            {
                db.Audit?.Add(AuditTrail.Created(attachmentType, attachment, submission.Author));
            }
        }

        // Not cancellable: requests may have gone, but what is queued is written (its files are on disk).
        await db.SaveChangesAsync(
            async (transaction, ct) =>
            {
                for (var i = 0; i < group.Count; i++)
                {
                    await session.Tips.ExecuteAsync(tips[i], transaction, ct);
                    foreach (var attachment in group[i].Attachments)
                    {
                        await session.Attachments.ExecuteAsync(attachment, transaction, ct);
                    }
                }
            },
            acceptAllChangesOnSuccess: false,
            CancellationToken.None);
        db.ChangeTracker.Clear();
        Interlocked.Increment(ref _groups);
    }

    // Compiled once per model (one per provider; the tests run both in one process).
    private static readonly ConditionalWeakTable<IModel, Func<ToanDanDb, string[], IAsyncEnumerable<string>>> RemoteUnits = new();

    /// <summary>A context, its open connection and the prepared inserts, kept while groups follow one another.</summary>
    private sealed class Session(AsyncServiceScope scope, ToanDanDb db) : IAsyncDisposable
    {
        private PreparedInsert? _tips;
        private PreparedInsert? _attachments;

        public ToanDanDb Db => db;

        public PreparedInsert Tips => _tips ??= PreparedInsert.Create(db, typeof(Tip));

        public PreparedInsert Attachments => _attachments ??= PreparedInsert.Create(db, typeof(TipAttachment));

        public static async Task<Session> OpenAsync(IServiceScopeFactory scopes)
        {
            var scope = scopes.CreateAsyncScope();
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();

                // The context tracks only the audit entries of a group, and is cleared after each commit: the audit
                // trail detects changes once, and nothing needs EF's post-save bookkeeping.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await db.Database.OpenConnectionAsync();
                return new Session(scope, db);
            }
            catch
            {
                await scope.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _tips?.Dispose();
            _attachments?.Dispose();
            try
            {
                await db.Database.CloseConnectionAsync();
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }
    }
}

/// <summary>Commits what is queued in <see cref="TipIntake"/> when the host stops, before the services are disposed.</summary>
internal sealed class TipIntakeShutdown(TipIntake intake) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => intake.DrainAsync(cancellationToken);
}

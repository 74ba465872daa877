using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Tips.Privacy;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// The module's periodic work, in one pass: raises reminders for clocks that are due soon or overdue (once per
/// clock and deadline), purges closed tips older than the retention period (files overwritten then deleted,
/// rows deleted, one audit event each), and removes orphan files left by a crash between writing a file and
/// committing its row.
/// </summary>
public sealed class TipsMaintenance(ToanDanDb db, TipFileStore store, IOptions<TipsOptions> options, AuditTrail audit, TimeProvider clock, ILogger<TipsMaintenance> logger)
{
    public sealed record Outcome(int Reminders, int Purged, int Orphans);

    /// <summary>Files younger than this are never orphans: their submission may still be committing.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reminders = await RaiseRemindersAsync(now, ct);
        var purged = await PurgeAsync(now, ct);
        var orphans = await RemoveOrphansAsync(ct);
        TipsLog.JobRan(logger, reminders, purged, orphans);
        return new Outcome(reminders, purged, orphans);
    }

    private async Task<int> RaiseRemindersAsync(DateTime now, CancellationToken ct)
    {
        var open = await db.Tips.Where(t => t.Status != TipStatus.Decided && t.Status != TipStatus.Closed).ToListAsync(ct);
        var ids = open.Select(t => t.Id).ToList();
        var existing = (await db.TipReminders.AsNoTracking().Where(r => ids.Contains(r.TipId)).Select(r => new { r.TipId, r.Kind, r.DueUtc }).ToListAsync(ct))
            .Select(r => (r.TipId, r.Kind, r.DueUtc)).ToHashSet();
        var raised = 0;
        foreach (var tip in open)
        {
            var decisionEnd = TipClocks.EndOfDayUtc(tip.DecisionDueOn);
            var wanted = new List<(TipReminderKind Kind, DateTime Due)>();
            switch (tip.TransferState(now))
            {
                case ClockState.DueSoon:
                    wanted.Add((TipReminderKind.TransferDueSoon, tip.TransferDueUtc));
                    break;
                case ClockState.Overdue:
                    wanted.Add((TipReminderKind.TransferOverdue, tip.TransferDueUtc));
                    break;
            }

            switch (tip.DecisionState(now))
            {
                case ClockState.DueSoon:
                    wanted.Add((TipReminderKind.DecisionDueSoon, decisionEnd));
                    break;
                case ClockState.Overdue:
                    wanted.Add((TipReminderKind.DecisionOverdue, decisionEnd));
                    break;
            }

            if (tip.ExtensionRequestDeadline is { } requestBy && tip.ExtensionRequestedOn is null
                && TipClocks.DecisionState(requestBy, decided: false, now) == ClockState.DueSoon)
            {
                wanted.Add((TipReminderKind.ExtensionRequestDueSoon, TipClocks.EndOfDayUtc(requestBy)));
            }

            foreach (var (kind, due) in wanted)
            {
                if (existing.Add((tip.Id, kind, due)))
                {
                    db.TipReminders.Add(TipReminder.Create(tip, kind, due, now));
                    TipsLog.Reminder(logger, tip.Id, kind);
                    raised++;
                }
            }
        }

        if (raised > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return raised;
    }

    private async Task<int> PurgeAsync(DateTime now, CancellationToken ct)
    {
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        var expired = await db.Tips.Where(t => t.Status == TipStatus.Closed && t.ClosedAtUtc < cutoff).ToListAsync(ct);
        foreach (var tip in expired)
        {
            // The rows go first (with the wrapped data key, so any copy of the files is unreadable), then the files.
            await db.TipMessages.Where(m => m.TipId == tip.Id).ExecuteDeleteAsync(ct);
            await db.TipAttachments.Where(a => a.TipId == tip.Id).ExecuteDeleteAsync(ct);
            await db.TipReminders.Where(r => r.TipId == tip.Id).ExecuteDeleteAsync(ct);
            db.Tips.Remove(tip);
            audit.Add("Tips", nameof(Tip), tip.Id.ToString(), "tips.purge", tip.UnitCode, $"Hết thời hạn lưu trữ {options.Value.RetentionDays} ngày sau khi kết thúc");
            await db.SaveChangesAsync(ct);
            store.DeleteTip(tip.Id);
        }

        return expired.Count;
    }

    private async Task<int> RemoveOrphansAsync(CancellationToken ct)
    {
        var wallNow = DateTime.UtcNow;
        var candidates = store.Enumerate().Where(f => wallNow - f.WrittenUtc > OrphanGrace).Select(f => (f.TipId, f.FileId)).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var ids = candidates.Select(c => c.FileId).ToList();
        var known = (await db.TipAttachments.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var removed = 0;
        foreach (var (tipId, fileId) in candidates.Where(c => !known.Contains(c.FileId)))
        {
            store.DeleteFile(tipId, fileId);
            removed++;
        }

        return removed;
    }
}

/// <summary>Runs <see cref="TipsMaintenance"/> every <see cref="TipsOptions.JobIntervalMinutes"/> on the injected clock.</summary>
internal sealed class TipsJob(IServiceScopeFactory scopes, IOptions<TipsOptions> options, TimeProvider clock, ILogger<TipsJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.JobIntervalMinutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TipsMaintenance>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The job must survive a failed pass (database busy, disk full) and try again next time.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                TipsLog.JobFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary>The officers' lists: all in scope, mine, overdue, due soon; filters by status, kind, channel, unit and year.</summary>
public static class ListTips
{
    public const int MaxRows = 500;

    public enum View
    {
        All,
        Mine,
        Overdue,
        DueSoon,
    }

    public sealed record Query(View View, TipStatus? Status, TipKind? Kind, TipChannel? Channel, string? Unit, int? Year);

    public sealed record Row(
        Guid Id, string Reference, string UnitCode, DateTime ReceivedAtUtc, TipChannel Channel, TipKind Kind, TipCategory Category, TipStatus Status,
        string? AssignedName, DateTime TransferDueUtc, ClockState Transfer, DateOnly DecisionDueOn, ClockState Decision, TipOutcome? Outcome,
        bool Valuable, bool Unread)
    {
        /// <summary>The worse of the two clocks.</summary>
        public ClockState Worst => (ClockState)Math.Max((int)Transfer, (int)Decision);
    }

    public sealed record Reminder(Guid TipId, string Reference, TipReminderKind Kind, DateTime DueUtc, DateTime RaisedAtUtc);

    public sealed class Handler(ToanDanDb db, TipsAccess access, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(ClaimsPrincipal user, Query query, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            var tips = await ScopedAsync(user, ct);
            if (query.View == View.Mine)
            {
                var me = user.UserId();
                tips = tips.Where(t => t.AssignedUserId == me);
            }

            if (query.View is View.Overdue or View.DueSoon)
            {
                tips = tips.Where(t => t.Status != TipStatus.Decided && t.Status != TipStatus.Closed);
            }

            if (query.Status is { } status)
            {
                tips = tips.Where(t => t.Status == status);
            }

            if (query.Kind is { } kind)
            {
                tips = tips.Where(t => t.Kind == kind);
            }

            if (query.Channel is { } channel)
            {
                tips = tips.Where(t => t.Channel == channel);
            }

            if (!string.IsNullOrEmpty(query.Unit))
            {
                tips = tips.Where(t => t.UnitCode == query.Unit);
            }

            if (query.Year is { } year and > 1900 and < 3000)
            {
                var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, VietnamTime.Offset).UtcDateTime;
                var to = from.AddYears(1);
                tips = tips.Where(t => t.ReceivedAtUtc >= from && t.ReceivedAtUtc < to);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var list = await tips.OrderByDescending(t => t.ReceivedAtUtc).Take(MaxRows).ToListAsync(ct);
            var rows = list.Select(t => new Row(
                t.Id, t.Reference, t.UnitCode, t.ReceivedAtUtc, t.Channel, t.Kind, t.Category, t.Status, t.AssignedName,
                t.TransferDueUtc, t.TransferState(now), t.DecisionDueOn, t.DecisionState(now), t.Outcome, t.Valuable, t.UnreadFromReporter));
            rows = query.View switch
            {
                View.Overdue => rows.Where(r => r.Worst == ClockState.Overdue),
                View.DueSoon => rows.Where(r => r.Worst == ClockState.DueSoon),
                _ => rows,
            };
            return rows.ToList();
        }

        /// <summary>The latest reminders of the tips in scope.</summary>
        public async Task<IReadOnlyList<Reminder>> RemindersAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var tips = await ScopedAsync(user, ct);
            var open = tips.Where(t => t.Status != TipStatus.Decided && t.Status != TipStatus.Closed);
            var rows = await db.TipReminders.AsNoTracking()
                .Join(open, r => r.TipId, t => t.Id, (r, t) => new { r.TipId, t.ReceivedAtUtc, r.Kind, r.DueUtc, r.RaisedAtUtc })
                .OrderByDescending(r => r.RaisedAtUtc).Take(20).ToListAsync(ct);
            return rows.Select(r => new Reminder(r.TipId, Tip.FormatReference(r.TipId, r.ReceivedAtUtc), r.Kind, r.DueUtc, r.RaisedAtUtc)).ToList();
        }

        private async Task<IQueryable<Tip>> ScopedAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var units = await access.VisibleUnitsAsync(user, ct);
            var tips = db.Tips.AsNoTracking();
            if (units is not null)
            {
                var codes = units.ToList();
                tips = tips.Where(t => codes.Contains(t.UnitCode));
            }

            return tips;
        }
    }

    /// <summary>The Vietnamese name of a clock state, for the coloured badges.</summary>
    public static string Vietnamese(this ClockState state) => state switch
    {
        ClockState.Overdue => "Quá hạn",
        ClockState.DueSoon => "Sắp đến hạn",
        ClockState.Running => "Trong hạn",
        _ => "—",
    };

    /// <summary>The CSS class of a clock state.</summary>
    public static string Css(this ClockState state) => state switch
    {
        ClockState.Overdue => "clock-overdue",
        ClockState.DueSoon => "clock-soon",
        ClockState.Running => "clock-running",
        _ => "clock-none",
    };
}

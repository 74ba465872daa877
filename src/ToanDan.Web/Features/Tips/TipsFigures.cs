using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// Contributes the tips figures of a year (by Vietnam date of receipt), computed from the records of the communes
/// the report covers and of the report's unit itself: <c>tips.received</c>, by channel and kind, <c>tips.valuable</c>,
/// outcomes, <c>tips.decided</c>, <c>tips.decidedOnTime</c> and <c>tips.onTimeRate</c> (percent, one decimal).
/// Keys are documented in docs/figures.md.
/// </summary>
internal sealed class TipsFigures(ToanDanDb db) : IAnnualFigureContributor
{
    public async Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct)
    {
        var codes = request.Scope.CoveredCodes.Append(request.Scope.Unit.Code).Distinct(StringComparer.Ordinal).ToList();
        var from = new DateTimeOffset(request.PeriodStart.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;
        var to = new DateTimeOffset(request.PeriodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;
        var rows = await db.Tips.AsNoTracking()
            .Where(t => codes.Contains(t.UnitCode) && t.ReceivedAtUtc >= from && t.ReceivedAtUtc < to)
            .Select(t => new { t.Channel, t.Kind, t.Valuable, t.Outcome, t.OutcomeOn, t.DecisionDueOn })
            .ToListAsync(ct);
        figures.Set("tips.received", rows.Count);
        foreach (var channel in Enum.GetValues<TipChannel>())
        {
            figures.Set("tips.channel." + Key(channel.ToString()), rows.Count(r => r.Channel == channel));
        }

        foreach (var kind in Enum.GetValues<TipKind>())
        {
            figures.Set("tips.kind." + Key(kind.ToString()), rows.Count(r => r.Kind == kind));
        }

        figures.Set("tips.valuable", rows.Count(r => r.Valuable));
        foreach (var outcome in Enum.GetValues<TipOutcome>())
        {
            figures.Set("tips.outcome." + Key(outcome.ToString()), rows.Count(r => r.Outcome == outcome));
        }

        var decided = rows.Where(r => r.OutcomeOn is not null).ToList();
        var onTime = decided.Count(r => TipClocks.OnTime(r.OutcomeOn!.Value, r.DecisionDueOn));
        figures.Set("tips.decided", decided.Count);
        figures.Set("tips.decidedOnTime", onTime);
        figures.Set("tips.onTimeRate", decided.Count == 0 ? 0 : Math.Round(100m * onTime / decided.Count, 1));
    }

    /// <summary>lowerCamelCase of an enum name: VNeID → vneid, InPerson → inPerson.</summary>
    internal static string Key(string name) =>
        name == nameof(TipChannel.VNeID) ? "vneid" : char.ToLowerInvariant(name[0]) + name[1..];
}

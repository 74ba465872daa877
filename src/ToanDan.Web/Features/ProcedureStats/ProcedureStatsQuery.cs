using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>The figures of one period as the portal box shows them.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Year">Year of the period.</param>
/// <param name="Month">Month of the period.</param>
/// <param name="Figures">The counters and percentages.</param>
public sealed record ProcedureStatsBox(string UnitCode, int Year, int Month, ProcedureFigures Figures);

/// <summary>The public read side of the module: what the portal's "KẾT QUẢ GIẢI QUYẾT TTHC" box shows.</summary>
public sealed class ProcedureStatsQuery(ToanDanDb db)
{
    /// <summary>The latest period of the unit that starts on or before <paramref name="today"/>; null when none is recorded.</summary>
    public async Task<ProcedureStatsBox?> CurrentAsync(string unitCode, DateOnly today, CancellationToken ct) =>
        await db.ProcedurePeriods.AsNoTracking()
            .Where(p => p.UnitCode == unitCode && p.PeriodStart <= today)
            .OrderByDescending(p => p.PeriodStart)
            .Select(p => new ProcedureStatsBox(p.UnitCode, p.Year, p.Month, new ProcedureFigures(p.Received, p.Processed, p.OnTimeOrEarly, p.Late)))
            .FirstOrDefaultAsync(ct);
}

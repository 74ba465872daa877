using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>
/// Contributes <c>procedureStats.received</c>, <c>.processed</c>, <c>.onTimeOrEarly</c> and <c>.late</c>: sums over
/// the year's monthly periods of the communes the report covers and of the report's unit itself.
/// </summary>
internal sealed class ProcedureStatsFigures(ToanDanDb db) : IAnnualFigureContributor
{
    public async Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct)
    {
        var codes = request.Scope.CoveredCodes.Append(request.Scope.Unit.Code).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.ProcedurePeriods.AsNoTracking()
            .Where(p => p.Year == request.Year && codes.Contains(p.UnitCode))
            .Select(p => new { p.Received, p.Processed, p.OnTimeOrEarly, p.Late })
            .ToListAsync(ct);
        figures.Set("procedureStats.received", rows.Sum(r => (long)r.Received));
        figures.Set("procedureStats.processed", rows.Sum(r => (long)r.Processed));
        figures.Set("procedureStats.onTimeOrEarly", rows.Sum(r => (long)r.OnTimeOrEarly));
        figures.Set("procedureStats.late", rows.Sum(r => (long)r.Late));
    }
}

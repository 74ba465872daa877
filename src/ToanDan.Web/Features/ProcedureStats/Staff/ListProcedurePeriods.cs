using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.ProcedureStats.Staff;

/// <summary>The recorded periods of one unit, newest first. The page checks the scope before calling it.</summary>
public static class ListProcedurePeriods
{
    public sealed record Row(int Year, int Month, ProcedureFigures Figures, DateTime UpdatedAtUtc);

    public sealed class Handler(ToanDanDb db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(string unitCode, CancellationToken ct) =>
            await db.ProcedurePeriods.AsNoTracking()
                .Where(p => p.UnitCode == unitCode)
                .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month)
                .Select(p => new Row(p.Year, p.Month, new ProcedureFigures(p.Received, p.Processed, p.OnTimeOrEarly, p.Late), p.UpdatedAtUtc))
                .ToListAsync(ct);
    }
}

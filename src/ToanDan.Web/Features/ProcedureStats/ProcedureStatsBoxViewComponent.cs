using Microsoft.AspNetCore.Mvc;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>
/// Renders the "KẾT QUẢ GIẢI QUYẾT TTHC" box of a unit (<c>_ProcedureStatsBox.cshtml</c>) with its current period:
/// <c>@await Component.InvokeAsync("ProcedureStatsBox", new { unitCode = "291" })</c>.
/// </summary>
public sealed class ProcedureStatsBoxViewComponent(ProcedureStatsQuery query, TimeProvider clock) : ViewComponent
{
    public const string ViewPath = "/Features/ProcedureStats/_ProcedureStatsBox.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(string unitCode)
    {
        var box = await query.CurrentAsync(unitCode, VietnamTime.Today(clock), HttpContext.RequestAborted);
        return View(ViewPath, box);
    }
}

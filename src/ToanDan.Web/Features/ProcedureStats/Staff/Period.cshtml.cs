using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.ProcedureStats.Staff;

/// <summary>Adds or edits the counters of one unit and month (<see cref="SaveProcedurePeriod"/>); a stale version is refused.</summary>
[Authorize(Policy = ProcedureStatsPermissions.Edit)]
public sealed class PeriodModel(ToanDanDb db, SaveProcedurePeriod.Handler save, UnitTree tree, TimeProvider clock) : PageModel
{
    public string Unit { get; private set; } = "";

    public string? UnitName { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public bool IsNew { get; private set; }

    [BindProperty]
    public SaveProcedurePeriod.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string unit, int year, int month, CancellationToken ct)
    {
        if (!await LoadAsync(unit, year, month, ct))
        {
            return NotFound();
        }

        var period = await db.ProcedurePeriods.AsNoTracking().SingleOrDefaultAsync(p => p.UnitCode == Unit && p.Year == year && p.Month == month, ct);
        IsNew = period is null;
        Input = period is null
            ? new SaveProcedurePeriod.Command { Year = year, Month = month, Version = 0 }
            : new SaveProcedurePeriod.Command
            {
                Year = year,
                Month = month,
                Received = period.Received,
                Processed = period.Processed,
                OnTimeOrEarly = period.OnTimeOrEarly,
                Late = period.Late,
                Version = period.Version,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unit, int year, int month, CancellationToken ct)
    {
        if (!await LoadAsync(unit, year, month, ct))
        {
            return NotFound();
        }

        IsNew = Input.Version is null or 0;
        if (Input.Version is null)
        {
            ModelState.AddModelError("", "Thiếu phiên bản của số liệu; hãy tải lại trang.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await save.HandleAsync(Input with { UnitCode = Unit, Year = year, Month = month }, User, ct);
        if (!result.IsSuccess)
        {
            if (result.Errors.Any(e => e.Code == ErrorCodes.NotFound))
            {
                return NotFound();
            }

            ModelState.AddErrors(result.Errors, nameof(Input), SaveProcedurePeriod.Fields);
            return Page();
        }

        TempData["Message"] = $"Đã lưu số liệu tháng {month}/{year} của {UnitName ?? Unit}.";
        return RedirectToPage("/ProcedureStats/Staff/Index", new { unit = Unit });
    }

    /// <summary>A period that cannot exist, or a unit outside the user's scope, is "not found".</summary>
    private async Task<bool> LoadAsync(string unit, int year, int month, CancellationToken ct)
    {
        Unit = unit.Trim();
        Year = year;
        Month = month;
        if (ProcedurePeriod.CheckPeriod(year, month, VietnamTime.Today(clock)).Count > 0
            || !await save.InScopeAsync(User, Unit, new DateOnly(year, month, 1), ct))
        {
            return false;
        }

        UnitName = await UnitNames.LastNameAsync(tree, Unit, ct);
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.ProcedureStats.Staff;

/// <summary>The periods recorded for one unit, and a form to open (add or edit) a period.</summary>
[Authorize(Policy = ProcedureStatsPermissions.Edit)]
public sealed class IndexModel(ListProcedurePeriods.Handler list, SaveProcedurePeriod.Handler save, UnitTree tree, PermissionCatalog catalog, TimeProvider clock) : PageModel
{
    public string? Unit { get; private set; }

    public string? UnitName { get; private set; }

    public IReadOnlyList<ListProcedurePeriods.Row> Rows { get; private set; } = [];

    /// <summary>The units the user holds the permission on, as starting points.</summary>
    public IReadOnlyList<string> MyUnits { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? unit, CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        MyUnits = UserScopes.UnitsWith(User, catalog, ProcedureStatsPermissions.Edit);
        if (string.IsNullOrWhiteSpace(unit))
        {
            return Page();
        }

        Unit = unit.Trim();
        if (!await save.InScopeAsync(User, Unit, Today, ct))
        {
            return NotFound();
        }

        UnitName = await UnitNames.LastNameAsync(tree, Unit, ct);
        Rows = await list.HandleAsync(Unit, ct);
        return Page();
    }

    /// <summary>The "open a period" form: goes to the period's page.</summary>
    public IActionResult OnGetOpen(string? unit, int? year, int? month) =>
        string.IsNullOrWhiteSpace(unit) || year is null || month is null
            ? RedirectToPage(new { unit })
            : RedirectToPage("/ProcedureStats/Staff/Period", new { unit = unit.Trim(), year, month });
}

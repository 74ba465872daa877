using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>The checklists by kind for a year (national, versioned by period, unconfirmed items flagged) and the provinces' own criteria, with a form to add one.</summary>
[Authorize(Policy = SafetyPermissions.View)]
public sealed class CriteriaModel(ToanDanDb db, SafetyAccess access, AddSafetyCriterion.Handler add, PermissionCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int SelectedYear { get; private set; }

    public IReadOnlyList<SafetyCriterion> Provincial { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public string? ProvinceCode { get; set; }

    [BindProperty]
    public SafetySubjectKind NewKind { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Citation { get; set; }

    [BindProperty]
    public int FromYear { get; set; }

    [BindProperty]
    public int? ToYear { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!catalog.For(User.Assignments().Select(a => a.Role)).Contains(SafetyPermissions.ManageCriteria))
        {
            return Forbid();
        }

        var result = await add.HandleAsync(User, new AddSafetyCriterion.Command(ProvinceCode ?? "", NewKind, Code, Text, Citation, FromYear, ToYear), ct);
        if (!result.IsSuccess)
        {
            await LoadAsync(ct);
            return SafetyPages.Fail(this, result.Errors, Page);
        }

        return RedirectToPage(new { year = FromYear });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SelectedYear = SafetyPages.YearOr(Year, access.Today);
        Provincial = (await db.SafetyCriteria.AsNoTracking().OrderBy(c => c.ProvinceCode).ThenBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(ct)).ToList();
        var managed = access.UnitsWith(User, SafetyPermissions.ManageCriteria);
        CanManage = managed.Count > 0;
        ProvinceCode ??= managed.Count > 0 ? managed[0] : null;
        if (FromYear == 0)
        {
            FromYear = SelectedYear;
        }
    }
}

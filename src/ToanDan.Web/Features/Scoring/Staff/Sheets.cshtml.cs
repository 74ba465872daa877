using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Safety.Staff;

namespace ToanDan.Web.Features.Scoring.Staff;

/// <summary>The national default sheets (QĐ 510/2022, unconfirmed lines flagged), the provinces' sheets, and a form for a province's own sheet.</summary>
[Authorize(Policy = ScoringPermissions.View)]
public sealed class SheetsModel(ToanDanDb db, ScoringAccess access, SaveScoreSheet.Handler save) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int SelectedYear { get; private set; }

    public IReadOnlyList<ScoreSheet> Provincial { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public string? ProvinceCode { get; set; }

    [BindProperty]
    public ScoreSheetKind Kind { get; set; }

    [BindProperty]
    public int FromYear { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    [BindProperty]
    public string? Lines { get; set; }

    [BindProperty]
    public decimal Excellent { get; set; } = 90;

    [BindProperty]
    public decimal Good { get; set; } = 70;

    [BindProperty]
    public decimal Average { get; set; } = 50;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Lines = ScoreSheet.ToLines(NationalScoreSheets.For(ScoreSheetKind.Commune, SelectedYear).Items);
        FromYear = SelectedYear;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await save.HandleAsync(User, new SaveScoreSheet.Command(ProvinceCode ?? "", Kind, FromYear, Name, Basis, Lines, Excellent, Good, Average), ct);
        return result.IsSuccess ? RedirectToPage(new { year = FromYear }) : SafetyPages.Fail(this, result.Errors, Page);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SelectedYear = SafetyPages.YearOr(Year, access.Today);
        Provincial = await db.ScoreSheets.AsNoTracking().Include(s => s.Items).OrderBy(s => s.ProvinceCode).ThenBy(s => s.Kind).ThenBy(s => s.FromYear).ToListAsync(ct);
        var managed = access.UnitsWith(User, ScoringPermissions.ManageSheets);
        CanManage = managed.Count > 0;
        ProvinceCode ??= managed.Count > 0 ? managed[0] : null;
    }
}

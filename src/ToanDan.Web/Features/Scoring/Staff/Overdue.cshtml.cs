using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Safety.Staff;

namespace ToanDan.Web.Features.Scoring.Staff;

/// <summary>Cards whose self-score was not sent by the deadline of QĐ 510/2022 Điều 11 (sent late, or still unsent after it).</summary>
[Authorize(Policy = ScoringPermissions.View)]
public sealed class OverdueModel(ListScoreCards.Handler list, ScoringAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public int SelectedYear { get; private set; }

    public IReadOnlyList<ListScoreCards.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SelectedYear = SafetyPages.YearOr(Year, access.Today);
        var listed = await list.HandleAsync(User, IndexModel.Query(SelectedYear, Unit, null, null, null, true), ct);
        if (!listed.IsSuccess)
        {
            return NotFound();
        }

        Rows = listed.Value;
        return Page();
    }
}

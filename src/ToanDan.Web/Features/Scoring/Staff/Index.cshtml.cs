using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Safety.Staff;

namespace ToanDan.Web.Features.Scoring.Staff;

/// <summary>Score cards of a year in scope, filtered by unit, kind, status and grade.</summary>
[Authorize(Policy = ScoringPermissions.View)]
public sealed class IndexModel(ListScoreCards.Handler list, ScoringAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public ScoringSubjectKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ScoreCardStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ScoreGrade? Grade { get; set; }

    public int SelectedYear { get; private set; }

    public IReadOnlyList<ListScoreCards.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SelectedYear = SafetyPages.YearOr(Year, access.Today);
        var listed = await list.HandleAsync(User, Query(SelectedYear, Unit, Kind, Status, Grade, false), ct);
        if (!listed.IsSuccess)
        {
            return NotFound();
        }

        Rows = listed.Value;
        return Page();
    }

    internal static ListScoreCards.Query Query(int year, string? unit, ScoringSubjectKind? kind, ScoreCardStatus? status, ScoreGrade? grade, bool overdue) =>
        new(year, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(),
            kind is { } k && Enum.IsDefined(k) ? k : null, status is { } s && Enum.IsDefined(s) ? s : null, grade is { } g && Enum.IsDefined(g) ? g : null, overdue);
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Safety.Staff;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Web.Features.Scoring.Staff;

/// <summary>The filtered list of score cards as .xlsx.</summary>
[Authorize(Policy = ScoringPermissions.View)]
public sealed class ExportModel(ListScoreCards.Handler list, ScoringAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year, string? unit, ScoringSubjectKind? kind, ScoreCardStatus? status, ScoreGrade? grade, bool overdue, CancellationToken ct)
    {
        var selected = SafetyPages.YearOr(year, access.Today);
        var listed = await list.HandleAsync(User, IndexModel.Query(selected, unit, kind, status, grade, overdue), ct);
        if (!listed.IsSuccess)
        {
            return NotFound();
        }

        var bytes = XlsxWriter.Write("Cham diem " + selected.ToString(CultureInfo.InvariantCulture), ListScoreCards.Columns, listed.Value.Select(ListScoreCards.Cells));
        return File(bytes, XlsxWriter.ContentType, $"cham-diem-phong-trao-{selected.ToString(CultureInfo.InvariantCulture)}.xlsx");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>The filtered list of certification records as .xlsx.</summary>
[Authorize(Policy = SafetyPermissions.View)]
public sealed class ExportModel(ListSafetyRecords.Handler list, SafetyAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year, string? unit, SafetySubjectKind? kind, SafetyStatus? status, SafetyResult? result, CancellationToken ct)
    {
        var selected = SafetyPages.YearOr(year, access.Today);
        var listed = await list.HandleAsync(User, new ListSafetyRecords.Query(selected, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(),
            kind is { } k && Enum.IsDefined(k) ? k : null, status is { } s && Enum.IsDefined(s) ? s : null, result is { } r && Enum.IsDefined(r) ? r : null), ct);
        if (!listed.IsSuccess)
        {
            return NotFound();
        }

        var bytes = XlsxWriter.Write("An toàn ANTT " + selected.ToString(CultureInfo.InvariantCulture), ListSafetyRecords.Columns, listed.Value.Select(ListSafetyRecords.Cells));
        return File(bytes, XlsxWriter.ContentType, $"an-toan-antt-{selected.ToString(CultureInfo.InvariantCulture)}{(unit is { } u && u.Trim().Length is > 0 and <= 20 && u.Trim().All(char.IsAsciiDigit) ? "-" + u.Trim() : "")}.xlsx");
    }
}

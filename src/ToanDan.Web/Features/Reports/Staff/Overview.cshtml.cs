using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Api;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Reports.Staff;

/// <summary>
/// <c>/staff/reports/overview?unit=&amp;year=&amp;tree=</c>: the per-commune overview (<see cref="BuildCommuneOverview"/>) of a
/// unit in scope, and <c>?handler=Export</c> the same table as .xlsx. Without parameters it opens on the user's first unit
/// and the latest year whose tree holds it. Bad input is answered in Vietnamese: 422 for a malformed code, year or tree,
/// 404 for a unit unknown on the tree's date or outside the user's scope.
/// </summary>
[Authorize(Policy = ReportsPermissions.ViewAnnual)]
public sealed class OverviewModel(BuildCommuneOverview.Handler handler, UnitTree tree, PermissionCatalog catalog, TimeProvider clock) : PageModel
{
    /// <summary>The unit code as typed (district, province or commune).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    /// <summary>The year as typed (text, so that "abc" gets a clear message rather than a silent default).</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    /// <summary>historic (default) or current.</summary>
    [BindProperty(SupportsGet = true, Name = "tree")]
    public string? Tree { get; set; }

    public string? SelectedUnit { get; private set; }

    public int SelectedYear { get; private set; }

    public ReportTree SelectedTree { get; private set; }

    public BuildCommuneOverview.Overview? Overview { get; private set; }

    /// <summary>Why there is no table: the Vietnamese message of a failed request.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>A hint shown when the page opened on defaults that give no table (e.g. a unit dissolved before this year).</summary>
    public string? Notice { get; private set; }

    /// <summary>Units the user holds the permission on (suggestions for the unit field).</summary>
    public IReadOnlyList<string> MyUnits { get; private set; } = [];

    public int MaxYear => VietnamTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Overview is not { } overview)
        {
            return Page();
        }

        var bytes = XlsxWriter.Write(CommuneOverviewSheet.SheetName(overview), CommuneOverviewSheet.Header, CommuneOverviewSheet.Rows(overview));
        return File(bytes, XlsxWriter.ContentType, CommuneOverviewSheet.FileName(overview));
    }

    /// <summary>The URL of this page for other parameters (the tree switch, the export).</summary>
    public string Link(string? handlerName = null, ReportTree? tree = null) =>
        Url.Page("/Reports/Staff/Overview", handlerName, new
        {
            unit = SelectedUnit,
            year = SelectedYear.ToString(CultureInfo.InvariantCulture),
            tree = (tree ?? SelectedTree) == ReportTree.Current ? "current" : "historic",
        })!;

    /// <summary>Builds the overview; a result to return when the request failed, null when the page can render.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        MyUnits = UserScopes.UnitsWith(User, catalog, ReportsPermissions.ViewAnnual).Where(u => u != RoleAssignment.NationalScope).ToList();
        var errors = new List<string>();
        var explicitUnit = !string.IsNullOrWhiteSpace(Unit);
        SelectedUnit = explicitUnit ? Unit!.Trim() : MyUnits.Count > 0 ? MyUnits[0] : null;
        if (explicitUnit && !UnitsApi.IsCode(SelectedUnit!))
        {
            errors.Add($"Mã đơn vị “{SelectedUnit}” không hợp lệ: mã huyện, tỉnh hoặc xã gồm 2, 3 hoặc 5 chữ số (ví dụ 291).");
        }

        switch (Tree?.Trim().ToLowerInvariant())
        {
            case null or "" or "historic":
                SelectedTree = ReportTree.Historic;
                break;
            case "current":
                SelectedTree = ReportTree.Current;
                break;
            default:
                errors.Add("Cây hành chính (tree) chỉ nhận historic (cây của năm báo cáo) hoặc current (cây hiện hành).");
                break;
        }

        var explicitYear = !string.IsNullOrWhiteSpace(Year);
        if (explicitYear)
        {
            if (int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                SelectedYear = year;
            }
            else
            {
                errors.Add($"Năm báo cáo “{Year.Trim()}” không hợp lệ: hãy nhập năm bằng số, ví dụ 2020.");
            }
        }
        else
        {
            SelectedYear = errors.Count == 0 && SelectedUnit is not null ? await DefaultYearAsync(SelectedUnit, ct) : MaxYear;
        }

        if (errors.Count > 0)
        {
            return Fail(StatusCodes.Status422UnprocessableEntity, errors);
        }

        if (SelectedUnit is null)
        {
            Notice = "Hãy nhập mã đơn vị (huyện, tỉnh hoặc xã) để xem tổng hợp theo xã.";
            return null;
        }

        var result = await handler.HandleAsync(new BuildCommuneOverview.Query(SelectedUnit, SelectedYear, SelectedTree, User), ct);
        if (result.IsSuccess)
        {
            Overview = result.Value;
            return null;
        }

        if (!explicitUnit && !explicitYear && result.Errors.All(e => e.Code == ErrorCodes.NotFound))
        {
            // Opened without parameters on a unit that the tree no longer holds: a hint, not an error page.
            Notice = string.Join(" ", result.Errors.Select(e => e.Message)) + " Hãy chọn năm khác hoặc cây hành chính hiện hành.";
            return null;
        }

        var status = result.Errors.Any(e => e.Code == ErrorCodes.NotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        return Fail(status, result.Errors.Select(e => e.Message).ToList());
    }

    private PageResult Fail(int status, IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>This year, or for a unit that the tree of this year no longer holds the last year whose 31 December it saw.</summary>
    private async Task<int> DefaultYearAsync(string unit, CancellationToken ct)
    {
        var history = await tree.HistoryAsync(unit, ct);
        if (history.Count == 0 || history[^1].ValidTo is not { } end)
        {
            return MaxYear;
        }

        var lastDay = end.AddDays(-1);
        var year = lastDay is { Month: 12, Day: 31 } ? lastDay.Year : lastDay.Year - 1;
        return Math.Clamp(year, BuildAnnualReport.MinYear, MaxYear);
    }
}

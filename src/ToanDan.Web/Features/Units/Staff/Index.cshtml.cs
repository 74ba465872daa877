using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The administrative tree: the provinces as of a date, or units found by name or code.</summary>
[Authorize(Policy = UnitsPermissions.View)]
public sealed class IndexModel(UnitTree tree, TimeProvider clock) : PageModel
{
    /// <summary>Most search results shown.</summary>
    public const int SearchLimit = 50;

    /// <summary>The quick-date label of 30/06/2025; also the key of its English translation.</summary>
    public const string LastDayOfDistricts = "30/06/2025 (trước khi bỏ cấp huyện)";

    /// <summary>The quick-date label of today; also the key of its English translation.</summary>
    public const string TodayLabel = "hôm nay";

    public DateOnly Today { get; private set; }

    public DateOnly AsOf { get; private set; }

    /// <summary>The asOf text as typed, shown back when it is not a date.</summary>
    public string? AsOfText { get; private set; }

    public string? Query { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<UnitView> Provinces { get; private set; } = [];

    public IReadOnlyList<(UnitView Unit, string? ParentName)> Results { get; private set; } = [];

    /// <summary>Dates staff often need: the 2021 catalogue, the last day of districts, today.</summary>
    public IReadOnlyList<(DateOnly Date, string Label)> QuickDates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, string? asOf, CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        QuickDates = [(new DateOnly(2021, 7, 1), "01/07/2021"), (new DateOnly(2025, 6, 30), LastDayOfDistricts), (Today, TodayLabel)];
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        AsOfText = asOf;
        if (!StaffQuery.TryReadDate(asOf, clock, out var date))
        {
            Problem = StaffQuery.BadDate(asOf);
            AsOf = Today;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        AsOf = date;
        AsOfText = StaffQuery.Iso(date);
        if (Query is null)
        {
            Provinces = await tree.ChildrenAsync(null, date, ct);
            return Page();
        }

        if (Query.Length > StaffQuery.MaxSearchLength)
        {
            Problem = $"Từ khóa tìm kiếm dài quá {StaffQuery.MaxSearchLength} ký tự.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var found = await tree.SearchAsync(Query, date, SearchLimit, ct);
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var code in found.Select(u => u.ParentCode).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            parents[code] = (await tree.FindAsync(code, date, ct))?.Name;
        }

        Results = found.Select(u => (u, u.ParentCode is { } p ? parents[p] : null)).ToList();
        return Page();
    }
}

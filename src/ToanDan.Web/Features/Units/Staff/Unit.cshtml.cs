using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Units.Api;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>
/// One unit as of a date: parents, children, every period of its code, and what it was made from and became.
/// A code that exists, but not on the date asked, answers 404 with the periods it does exist in.
/// </summary>
[Authorize(Policy = UnitsPermissions.View)]
public sealed class UnitModel(UnitTree tree, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public DateOnly AsOf { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The unit on <see cref="AsOf"/>; null when it did not exist then.</summary>
    public UnitView? Unit { get; private set; }

    public IReadOnlyList<UnitView> Ancestors { get; private set; } = [];

    public IReadOnlyList<UnitView> Children { get; private set; } = [];

    /// <summary>Every period of the code with its parent's name at the time.</summary>
    public IReadOnlyList<(UnitView Period, string? ParentName)> History { get; private set; } = [];

    public SuccessionTrace? Predecessors { get; private set; }

    public SuccessionTrace? Successors { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? asOf, CancellationToken ct)
    {
        if (!UnitsApi.IsCode(code))
        {
            return NotFound();
        }

        Code = code;
        Today = VietnamTime.Today(clock);
        if (!StaffQuery.TryReadDate(asOf, clock, out var date))
        {
            Problem = StaffQuery.BadDate(asOf);
            AsOf = Today;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        AsOf = date;
        var periods = await tree.HistoryAsync(code, ct);
        if (periods.Count == 0)
        {
            return NotFound();
        }

        var history = new List<(UnitView, string?)>();
        foreach (var period in periods)
        {
            var parent = period.ParentCode is { } p ? await tree.FindAsync(p, UnitLabels.DayWithin(period, Today), ct) : null;
            history.Add((period, parent?.Name ?? period.ParentCode));
        }

        History = history;
        Unit = await tree.FindAsync(code, date, ct);
        if (Unit is null)
        {
            // Not on this date, but known on others: say so, and link to them.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Ancestors = await tree.AncestorsAsync(code, date, ct);
        Children = await tree.ChildrenAsync(code, date, ct);
        Predecessors = await tree.PredecessorsAsync(code, date, ct);
        Successors = await tree.SuccessorsAsync(code, date, ct);
        return Page();
    }
}

/// <summary>A "Hình thành từ" or "Trở thành" section of the unit page.</summary>
public sealed record SuccessionSection(SuccessionTrace Trace, string Caption, bool Forward);

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>Certification records of a year in scope, filtered, with the commune results (derived rule) under the chosen unit.</summary>
[Authorize(Policy = SafetyPermissions.View)]
public sealed class IndexModel(ListSafetyRecords.Handler list, SafetyResults results, SafetyAccess access, UnitTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public SafetySubjectKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public SafetyStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public SafetyResult? Result { get; set; }

    public int SelectedYear { get; private set; }

    public IReadOnlyList<ListSafetyRecords.Row> Rows { get; private set; } = [];

    /// <summary>Per commune under <see cref="Unit"/>: name and result.</summary>
    public IReadOnlyList<(string Name, CommuneSafetyResult Result)> Communes { get; private set; } = [];

    public IReadOnlyList<string> MyUnits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SelectedYear = SafetyPages.YearOr(Year, access.Today);
        MyUnits = access.UnitsWith(User, SafetyPermissions.View);
        var unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim();
        var listed = await list.HandleAsync(User, new ListSafetyRecords.Query(SelectedYear, unit,
            Kind is { } k && Enum.IsDefined(k) ? k : null, Status is { } s && Enum.IsDefined(s) ? s : null, Result is { } r && Enum.IsDefined(r) ? r : null), ct);
        if (!listed.IsSuccess)
        {
            return NotFound();
        }

        Rows = listed.Value;
        if (unit is not null)
        {
            var date = access.ScopeDate(SelectedYear);
            var communes = await tree.CommunesUnderAsync(unit, date, ct);
            var computed = await results.CommunesAsync(communes.Select(c => c.Code).ToList(), SelectedYear, ct);
            Communes = communes.Zip(computed, (c, r) => (c.Name, r)).ToList();
        }

        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Safety.Staff;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Scoring.Staff;

/// <summary>Opens the score card of a commune, district or place for a year.</summary>
[Authorize(Policy = ScoringPermissions.Edit)]
public sealed class NewModel(OpenScoreCard.Handler open, ScoringAccess access, ToanDanDb db, UnitTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A place id, or "unit" for the unit itself.</summary>
    [BindProperty]
    public string? Subject { get; set; }

    public int SelectedYear { get; private set; }

    public string? UnitName { get; private set; }

    public IReadOnlyList<(string Value, string Label)> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Subject))
        {
            return SafetyPages.Fail(this, [Error.Validation("Hãy chọn đơn vị hoặc địa bàn.")], Page);
        }

        Guid? placeId = Subject == "unit" ? null : Guid.TryParse(Subject, out var id) ? id : Guid.Empty;
        var result = await open.HandleAsync(User, new OpenScoreCard.Command(SelectedYear, placeId, Unit), ct);
        return result.IsSuccess ? RedirectToPage("/Scoring/Staff/Card", new { id = result.Value }) : SafetyPages.Fail(this, result.Errors, Page);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        SelectedYear = SafetyPages.YearOr(Year, access.Today);
        if (string.IsNullOrWhiteSpace(Unit))
        {
            var mine = access.UnitsWith(User, ScoringPermissions.Edit);
            Unit = mine.Count > 0 ? mine[0] : null;
        }

        if (string.IsNullOrWhiteSpace(Unit))
        {
            return true;
        }

        var code = Unit.Trim();
        if (!await access.CanAsync(User, ScoringPermissions.Edit, code, SelectedYear, ct))
        {
            return false;
        }

        var unit = await tree.FindAsync(code, access.ScopeDate(SelectedYear), ct);
        var history = await tree.HistoryAsync(code, ct);
        UnitName = unit?.Name ?? (history.Count > 0 ? history[^1].Name : null);
        var choices = new List<(string, string)>();
        if (unit is { Level: not UnitLevel.Province })
        {
            choices.Add(("unit", unit.Name));
        }

        var date = new DateOnly(SelectedYear, 12, 31);
        var places = await db.Places.AsNoTracking().Where(p => p.CommuneCode == code && p.ValidFrom <= date && (p.ValidTo == null || p.ValidTo > new DateOnly(SelectedYear, 1, 1)))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new { p.Id, p.Kind, p.Name }).ToListAsync(ct);
        choices.AddRange(places.Select(p => (p.Id.ToString(), $"{PlaceLabels.Kinds[p.Kind]}: {p.Name}")));
        Choices = choices;
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>Registers a place of a commune, or the commune itself, for a year (first quarter, TT 124/2021).</summary>
[Authorize(Policy = SafetyPermissions.Edit)]
public sealed class NewModel(RegisterSafety.Handler register, SafetyAccess access, ToanDanDb db, UnitTree tree) : PageModel
{
    /// <summary>A choice in the subject list.</summary>
    public sealed record Choice(Guid? PlaceId, string Label, string? Exclusion);

    public sealed class InputModel
    {
        [Range(2000, 2100)]
        public int Year { get; set; }

        [StringLength(20)]
        public string? Unit { get; set; }

        /// <summary>A place id, or "commune" for the commune itself.</summary>
        [StringLength(40)]
        public string? Subject { get; set; }

        public DateOnly? RegisteredOn { get; set; }

        public ManagingLevel ManagedBy { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? UnitName { get; private set; }

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? unit, int? year, CancellationToken ct)
    {
        Input.Year = SafetyPages.YearOr(year, access.Today);
        var mine = access.UnitsWith(User, SafetyPermissions.Edit);
        Input.Unit = string.IsNullOrWhiteSpace(unit) ? (mine.Count > 0 ? mine[0] : null) : unit.Trim();
        var defaultDay = new DateOnly(Input.Year, 1, 15);
        Input.RegisteredOn = defaultDay <= access.Today ? defaultDay : null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Input.RegisteredOn is null || string.IsNullOrWhiteSpace(Input.Subject))
        {
            if (Input.RegisteredOn is null)
            {
                ModelState.AddModelError("", "Hãy ghi ngày đăng ký.");
            }

            if (string.IsNullOrWhiteSpace(Input.Subject))
            {
                ModelState.AddModelError("", "Hãy chọn địa bàn hoặc xã đăng ký.");
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        Guid? placeId = Input.Subject == "commune" ? null : Guid.TryParse(Input.Subject, out var id) ? id : Guid.Empty;
        var result = await register.HandleAsync(User, new RegisterSafety.Command(Input.Year, Input.RegisteredOn.Value, placeId, Input.Unit, Input.ManagedBy), ct);
        if (!result.IsSuccess)
        {
            await LoadAsync(ct);
            return SafetyPages.Fail(this, result.Errors, Page);
        }

        return RedirectToPage("/Safety/Staff/Record", new { id = result.Value });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Unit))
        {
            return true;
        }

        var code = Input.Unit.Trim();
        if (!await access.CanAsync(User, SafetyPermissions.Edit, code, Input.Year, ct))
        {
            return false;
        }

        var date = SafetyResults.CountDate(Input.Year);
        var unit = await tree.FindAsync(code, access.ScopeDate(Input.Year), ct);
        var history = await tree.HistoryAsync(code, ct);
        UnitName = unit?.Name ?? (history.Count > 0 ? history[^1].Name : null);
        var places = await db.Places.AsNoTracking().Where(p => p.CommuneCode == code && p.ValidFrom <= date && (p.ValidTo == null || p.ValidTo > new DateOnly(Input.Year - 1, 11, 1)))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        var choices = new List<Choice>();
        if (unit is { Level: UnitLevel.Commune })
        {
            choices.Add(new Choice(null, $"{unit.Name} (cấp xã)", null));
        }

        choices.AddRange(places.Select(p => new Choice(p.Id, $"{PlaceLabels.Kinds[p.Kind]}: {p.Name}", SafetyRules.Exclusion(p.Kind, p.EnterpriseSize, p.SchoolLevel, p.IsArmedForces))));
        Choices = choices;
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The form that adds a place to a commune (<see cref="AddPlace"/>).</summary>
[Authorize(Policy = UnitsPermissions.EditPlaces)]
public sealed class PlaceNewModel(UnitTree tree, AddPlace.Handler handler, Accounts.UserScopes scopes, TimeProvider clock) : PageModel
{
    public UnitView Commune { get; private set; } = null!;

    [BindProperty]
    public AddPlace.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, string? asOf, string? kind, CancellationToken ct)
    {
        var date = StaffQuery.TryReadDate(asOf, clock, out var d) ? d : VietnamTime.Today(clock);
        var commune = await StaffQuery.FindCommuneAsync(tree, code, date, ct);
        if (commune is null || !await scopes.CanAsync(User, UnitsPermissions.EditPlaces, code, date, ct))
        {
            return NotFound();
        }

        Commune = commune;
        Input = new AddPlace.Command { ValidFrom = date, Kind = PlaceLabels.TryParseKind(kind, out var k) ? k : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var commune = await StaffQuery.FindCommuneAsync(tree, code, Input.ValidFrom ?? today, ct);
        if (commune is null || !await scopes.CanAsync(User, UnitsPermissions.EditPlaces, code, Input.ValidFrom ?? today, ct))
        {
            return NotFound();
        }

        Commune = commune;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(Input with { CommuneCode = code }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), PlaceInput.Fields);
            return Page();
        }

        var details = Input.ToDetails();
        TempData[nameof(PlacesModel.Message)] = $"Đã thêm địa bàn “{VietnameseText.Clean(details.Name)}”.";
        var validToday = details.ValidFrom <= today && (details.ValidTo is null || today < details.ValidTo);
        return RedirectToPage("/Units/Staff/Places", new { code, asOf = validToday ? null : StaffQuery.Iso(details.ValidFrom) });
    }
}

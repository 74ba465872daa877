using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The form that changes a place (<see cref="EditPlace"/>); a stale version is reported, never saved over.</summary>
[Authorize(Policy = UnitsPermissions.EditPlaces)]
public sealed class PlaceEditModel(UnitTree tree, EditPlace.Handler handler, Accounts.UserScopes scopes, TimeProvider clock) : PageModel
{
    public UnitView? Commune { get; private set; }

    public string CommuneCode { get; private set; } = "";

    [BindProperty]
    public EditPlace.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var current = await handler.GetAsync(id, ct);
        if (!current.IsSuccess || !await InScopeAsync(current.Value.CommuneCode, current.Value.Input.ValidFrom, ct))
        {
            return NotFound();
        }

        await LoadCommuneAsync(current.Value.CommuneCode, current.Value.Input.ValidFrom, ct);
        Input = current.Value.Input;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var current = await handler.GetAsync(id, ct);
        if (!current.IsSuccess || !await InScopeAsync(current.Value.CommuneCode, current.Value.Input.ValidFrom, ct))
        {
            return NotFound();
        }

        await LoadCommuneAsync(current.Value.CommuneCode, Input.ValidFrom ?? current.Value.Input.ValidFrom, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(Input with { Id = id }, ct);
        if (!result.IsSuccess)
        {
            if (result.Errors.Any(e => e.Code == ErrorCodes.NotFound))
            {
                return NotFound();
            }

            ModelState.AddErrors(result.Errors, nameof(Input), PlaceInput.Fields);
            return Page();
        }

        var details = Input.ToDetails();
        var today = VietnamTime.Today(clock);
        TempData[nameof(PlacesModel.Message)] = $"Đã lưu địa bàn “{VietnameseText.Clean(details.Name)}”.";
        var validToday = details.ValidFrom <= today && (details.ValidTo is null || today < details.ValidTo);
        return RedirectToPage("/Units/Staff/Places", new { code = result.Value.CommuneCode, asOf = validToday ? null : StaffQuery.Iso(details.ValidFrom) });
    }

    private async Task LoadCommuneAsync(string code, DateOnly? date, CancellationToken ct)
    {
        CommuneCode = code;
        Commune = await StaffQuery.FindCommuneAsync(tree, code, date ?? VietnamTime.Today(clock), ct);
    }

    /// <summary>A place outside the user's scope is "not found", never "forbidden".</summary>
    private async Task<bool> InScopeAsync(string communeCode, DateOnly? validFrom, CancellationToken ct) =>
        await scopes.CanAsync(User, UnitsPermissions.EditPlaces, communeCode, validFrom ?? VietnamTime.Today(clock), ct);
}

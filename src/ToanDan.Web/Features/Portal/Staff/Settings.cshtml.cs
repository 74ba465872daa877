using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Portal.Staff;

/// <summary>The portal identity and footer (<see cref="SavePortalSettings"/>); a stale version is reported, never saved over.</summary>
[Authorize(Policy = PortalPermissions.EditSettings)]
public sealed class SettingsModel(SavePortalSettings.Handler handler) : PageModel
{
    [BindProperty]
    public SavePortalSettings.Command Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = await handler.GetAsync(ct);
        PadContacts();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            PadContacts();
            return Page();
        }

        var result = await handler.HandleAsync(Input, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), SavePortalSettings.Fields);
            PadContacts();
            return Page();
        }

        Message = "Đã lưu thông tin cổng.";
        return RedirectToPage();
    }

    /// <summary>Adds the empty rows the form offers for new contacts.</summary>
    private void PadContacts()
    {
        var rows = Input.Contacts.Where(c => !c.IsEmpty).ToList();
        var max = Math.Min(PortalSettings.MaxContacts, rows.Count + SavePortalSettings.BlankContactRows);
        while (rows.Count < max)
        {
            rows.Add(new SavePortalSettings.ContactInput());
        }

        Input = Input with { Contacts = rows };
    }
}

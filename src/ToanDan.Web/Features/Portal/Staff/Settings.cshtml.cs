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

    public async Task OnGetAsync(CancellationToken ct) => Input = await handler.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(Input, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), SavePortalSettings.Fields);
            return Page();
        }

        Message = "Đã lưu thông tin cổng.";
        return RedirectToPage();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ToanDan.Web.Features.Portal.Public;

/// <summary>
/// "Liên hệ" (<c>/lien-he</c>): the portal's governing agency, its address, phone and e-mail, the editor-in-chief and
/// licence lines, and the officials in charge with their titles, phones and e-mails (Nghị định 42/2022/NĐ-CP), all from
/// the portal settings. 404 until settings exist.
/// </summary>
public sealed class ContactsModel(PortalSettingsQuery settings) : PageModel
{
    public PortalSettingsDetails Portal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await settings.GetAsync(ct) is not { } portal)
        {
            return NotFound();
        }

        Portal = portal;
        return Page();
    }
}

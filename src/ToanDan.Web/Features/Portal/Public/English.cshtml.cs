using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ToanDan.Web.Features.Portal.Public;

/// <summary>
/// The organisation and its contacts in English (<c>/en</c>, also <c>/en/about</c>): the English name and description
/// and the officials with their English titles, from the portal settings; always in English whatever the interface
/// language. 404 until settings exist.
/// </summary>
public sealed class EnglishModel(PortalSettingsQuery settings) : PageModel
{
    public PortalSettingsDetails Portal { get; private set; } = null!;

    /// <summary>The description's paragraphs.</summary>
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await settings.GetAsync(ct) is not { } portal)
        {
            return NotFound();
        }

        Portal = portal;
        Paragraphs = (portal.EnglishDescription ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Page();
    }
}

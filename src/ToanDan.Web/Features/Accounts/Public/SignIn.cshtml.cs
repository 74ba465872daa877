using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Accounts.Public;

[EnableRateLimiting(SecuritySetup.SignInLimit)]
public sealed class SignInModel(SignInStaff.Handler handler) : PageModel
{
    [BindProperty]
    public SignInStaff.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(Input, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Outcome)
        {
            case SignInStaff.Outcome.SignedIn:
                return LocalRedirect(SafeReturnUrl(ReturnUrl));
            case SignInStaff.Outcome.NeedsSecondFactor:
                return RedirectToPage("/Accounts/Public/TwoFactor", new { returnUrl = SafeReturnUrl(ReturnUrl) });
            default:
                Message = result.Message;
                return Page();
        }
    }

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    internal static string SafeReturnUrl(string? returnUrl) => LocalUrl.OrDefault(returnUrl, "/staff");
}

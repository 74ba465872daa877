using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Accounts.Public;

/// <summary>The second step of sign-in: a code from the authenticator app, or a one-time recovery code.</summary>
[EnableRateLimiting(SecuritySetup.SignInLimit)]
public sealed class TwoFactorModel(SignInManager<User> signIn, ToanDanDb db, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "recovery")]
    public bool UseRecoveryCode { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Public/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(bool useRecoveryCode, CancellationToken ct)
    {
        UseRecoveryCode = useRecoveryCode;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Accounts/Public/SignIn");
        }

        // Spaces never matter; dashes matter in recovery codes (XXXXX-XXXXX) but not in app codes.
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!UseRecoveryCode)
        {
            code = code.Replace("-", "", StringComparison.Ordinal);
        }

        if (code.Length is 0 or > 32)
        {
            Message = "Hãy nhập mã.";
            return Page();
        }

        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var action = result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed;
        audit.Add(new AuditRecord("Accounts", nameof(User), user.Id.ToString(), action, null,
            UseRecoveryCode ? "recovery-code" : "authenticator", user.Id, user.UserName ?? "", HttpContext.Connection.RemoteIpAddress?.ToString()));
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        Message = result.IsLockedOut
            ? SignInStaff.Handler.LockedOutMessage(user)
            : UseRecoveryCode ? "Mã khôi phục không đúng hoặc đã dùng." : "Mã xác thực không đúng. Hãy nhập mã đang hiện trong ứng dụng.";
        return Page();
    }
}

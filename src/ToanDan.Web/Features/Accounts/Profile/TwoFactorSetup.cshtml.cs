using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts.Public;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Profile;

/// <summary>
/// Enrols an authenticator app (TOTP, RFC 6238) and hands out one-time recovery codes. Reachable by every
/// signed-in user, also one whose role requires a second factor that is not yet set up.
/// </summary>
[Authorize]
public sealed class TwoFactorSetupModel(UserManager<User> users, SignInManager<User> signIn, ToanDanDb db, AuditTrail audit, IConfiguration configuration) : PageModel
{
    /// <summary>Recovery codes handed out at enrolment.</summary>
    public const int RecoveryCodeCount = 10;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string? Message { get; private set; }

    public string ContinueUrl => SignInModel.SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await DescribeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            Message = "Mã không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiện.";
            await DescribeAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        audit.Add("Accounts", nameof(User), user.Id.ToString(), AuditActions.TwoFactorEnabled, null);
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostNewCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        audit.Add("Accounts", nameof(User), user.Id.ToString(), "2fa-recovery-codes", null);
        await db.SaveChangesAsync(ct);
        Enabled = true;
        return Page();
    }

    private async Task DescribeAsync(User user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = configuration.GetValue("Security:RequireTwoFactorForSensitiveRoles", true) && User.Assignments().Any(a => a.Role.IsSensitive());
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = Group(key);
        var label = Uri.EscapeDataString($"ToanDan:{user.UserName}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer=ToanDan&digits=6&period=30");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(key[i]));
        }

        return builder.ToString();
    }
}

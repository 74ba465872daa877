using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Public;

/// <summary>Signs out (POST only, with antiforgery: a link cannot sign anyone out).</summary>
public sealed class SignOutModel(SignInManager<User> signIn, ToanDanDb db, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.UserId() is { } id)
        {
            audit.Add("Accounts", nameof(User), id.ToString(), AuditActions.SignOut, null);
            await db.SaveChangesAsync(ct);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;

namespace ToanDan.Web.Features.Accounts.Profile;

/// <summary>Changes one's own password; also where a user with a reset password is sent first.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, ToanDanDb db, AuditTrail audit) : PageModel
{
    public sealed record Form
    {
        [Required(ErrorMessage = "Hãy nhập mật khẩu hiện tại.")]
        [StringLength(256)]
        public string Current { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu mới.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Mật khẩu mới phải có ít nhất 12 ký tự.")]
        public string New { get; init; } = "";

        [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        public string Confirm { get; init; } = "";
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public bool MustChange { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        audit.Add("Accounts", nameof(User), user.Id.ToString(), AuditActions.PasswordChanged, null);
        await users.UpdateAsync(user);
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        MustChange = false;
        Done = true;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// One account and the administrator's actions on it, each a POST form carrying the account's concurrency
/// stamp. A success redirects back here with a message; a failure re-renders the page with the reason.
/// </summary>
[Authorize(Policy = AccountsPermissions.ManageUsers)]
[HandlerRequired]
public sealed class DetailsModel(GetUserDetails.Handler details, AccountScope scope) : PageModel
{
    /// <summary>Messages shown after a successful action, by the <c>done</c> value of the redirect.</summary>
    public static readonly IReadOnlyDictionary<string, string> DoneMessages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["role-added"] = "Đã thêm vai trò. Thay đổi có hiệu lực với người dùng trong vòng một phút (họ sẽ phải đăng nhập lại).",
        ["role-removed"] = "Đã xóa vai trò. Thay đổi có hiệu lực với người dùng trong vòng một phút (họ sẽ phải đăng nhập lại).",
        ["disabled"] = "Đã vô hiệu hóa tài khoản. Các phiên đăng nhập đang mở sẽ kết thúc trong vòng một phút.",
        ["enabled"] = "Đã kích hoạt lại tài khoản.",
        ["2fa-reset"] = "Đã đặt lại xác thực hai bước. Người dùng đăng nhập bằng mật khẩu rồi bật lại xác thực hai bước.",
        ["profile"] = "Đã lưu thông tin tài khoản.",
        ["unchanged"] = "Không có gì thay đổi.",
    };

    public GetUserDetails.Details Account { get; private set; } = null!;

    /// <summary>Units for the unit-code suggestions.</summary>
    public IReadOnlyList<UnitName> Pickable { get; private set; } = [];

    /// <summary>Results of the unit search, when one was made.</summary>
    public IReadOnlyList<UnitName>? Found { get; private set; }

    /// <summary>A message that concerns no single field (a refused action, a stale form).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The resource key of the success message, if any.</summary>
    public string? Done { get; private set; }

    /// <summary>The new temporary password after a reset; shown once.</summary>
    public string? TemporaryPassword { get; private set; }

    // What the forms show again after a failure.
    public string? AddRole { get; private set; }

    public string? AddUnit { get; private set; }

    public string? UnitSearch { get; private set; }

    public string? FullName { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Done = done is not null && DoneMessages.TryGetValue(done, out var message) ? message : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, string? role, string? unit, string? stamp,
        [FromServices] AddRoleAssignment.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, new AddRoleAssignment.Command(id, role, unit, stamp), ct);
        if (result.IsSuccess)
        {
            return Redirect(id, "role-added");
        }

        (AddRole, AddUnit) = (role, unit);
        return await FailAsync(id, result.Errors, "Add.", ct);
    }

    public async Task<IActionResult> OnPostFindUnitsAsync(Guid id, string? role, string? unit, string? unitSearch,
        [FromServices] FindUnitsInScope.Handler handler, CancellationToken ct)
    {
        (AddRole, AddUnit, UnitSearch) = (role, unit, unitSearch);
        var result = await handler.HandleAsync(User, unitSearch, ct);
        if (result.IsSuccess)
        {
            Found = result.Value;
        }
        else
        {
            ModelState.AddModelError(nameof(UnitSearch), result.Errors[0].Message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, string? assignmentId, string? stamp,
        [FromServices] RemoveRoleAssignment.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, new RemoveRoleAssignment.Command(id, assignmentId, stamp), ct);
        return result.IsSuccess ? Redirect(id, "role-removed") : await FailAsync(id, result.Errors, "", ct);
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, string? stamp, [FromServices] SetUserDisabled.Handler handler, CancellationToken ct) =>
        SetDisabledAsync(id, true, stamp, handler, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, string? stamp, [FromServices] SetUserDisabled.Handler handler, CancellationToken ct) =>
        SetDisabledAsync(id, false, stamp, handler, ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, string? stamp, [FromServices] ResetPassword.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, new ResetPassword.Command(id, stamp), ct);
        if (!result.IsSuccess)
        {
            return await FailAsync(id, result.Errors, "", ct);
        }

        // Answered here rather than redirected: the password must not travel in a URL or a cookie.
        TemporaryPassword = result.Value.TemporaryPassword;
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, string? stamp, [FromServices] ResetTwoFactor.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, new ResetTwoFactor.Command(id, stamp), ct);
        return result.IsSuccess ? Redirect(id, "2fa-reset") : await FailAsync(id, result.Errors, "", ct);
    }

    public async Task<IActionResult> OnPostProfileAsync(Guid id, string? fullName, string? email, string? stamp,
        [FromServices] UpdateUserProfile.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, new UpdateUserProfile.Command { UserId = id, FullName = fullName, Email = email, Stamp = stamp }, ct);
        if (result.IsSuccess)
        {
            return Redirect(id, result.Value ? "profile" : "unchanged");
        }

        (FullName, Email) = (fullName, email);
        return await FailAsync(id, result.Errors, "Profile.", ct);
    }

    /// <summary>The unit-code helper of the add-role form.</summary>
    public UnitPicker Picker => new(Pickable, UnitSearch, Found, FieldError(nameof(UnitSearch)), $"/staff/users/{Account.Id}?handler=FindUnits");

    /// <summary>The first error recorded for a form field, e.g. <c>Add.Unit</c>.</summary>
    public string? FieldError(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    private async Task<IActionResult> SetDisabledAsync(Guid id, bool disabled, string? stamp, SetUserDisabled.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, new SetUserDisabled.Command(id, disabled, stamp), ct);
        return result.IsSuccess ? Redirect(id, disabled ? "disabled" : "enabled") : await FailAsync(id, result.Errors, "", ct);
    }

    private RedirectToPageResult Redirect(Guid id, string done) => RedirectToPage(new { id, done });

    private async Task<IActionResult> FailAsync(Guid id, IReadOnlyList<Error> errors, string fieldPrefix, CancellationToken ct)
    {
        if (errors.Any(e => e.Code == ErrorCodes.NotFound) || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var problems = new List<string>();
        foreach (var error in errors)
        {
            if (error.Field is null)
            {
                problems.Add(error.Message);
            }
            else
            {
                ModelState.AddModelError(fieldPrefix + error.Field, error.Message);
            }
        }

        Problems = problems;
        Response.StatusCode = errors.Any(e => e.Code == ErrorCodes.Conflict) ? StatusCodes.Status409Conflict
            : errors.Any(e => e.Code == ErrorCodes.Forbidden) ? StatusCodes.Status403Forbidden
            : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await details.HandleAsync(User, id, ct);
        if (!result.IsSuccess)
        {
            return false;
        }

        Account = result.Value;
        FullName ??= Account.FullName;
        Email ??= Account.Email;
        Pickable = await scope.PickableAsync(scope.AdminUnits(User), 600, ct);
        return true;
    }
}

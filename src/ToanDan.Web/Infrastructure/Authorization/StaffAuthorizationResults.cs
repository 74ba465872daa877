using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>
/// Turns authorization failures into the right answer: an API gets 401/403 problem responses, a signed-in
/// user who must enrol a second factor or change a password is sent to do so, and everything else follows
/// the default (sign-in page, or 403 page).
/// </summary>
internal sealed class TwoFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    /// <summary>Where a user without a required second factor is sent.</summary>
    public const string EnrolPath = "/staff/tai-khoan/xac-thuc-hai-buoc";

    /// <summary>Where a user with a reset password is sent.</summary>
    public const string ChangePasswordPath = "/staff/tai-khoan/doi-mat-khau";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var api = context.Request.Path.StartsWithSegments("/api");
        if (api && (authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            var status = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            context.Response.StatusCode = status;
            await Results.Problem(
                statusCode: status,
                title: status == 401 ? "Chưa đăng nhập" : "Không có quyền",
                detail: status == 401 ? "Hãy đăng nhập bằng tài khoản cán bộ." : "Tài khoản không có quyền dùng chức năng này.").ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            if (failure.FailureReasons.Any(r => r is TwoFactorMissingReason))
            {
                context.Response.Redirect($"{EnrolPath}?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
                return;
            }

            if (failure.FailureReasons.Any(r => r.Message == StaffClaims.MustChangePassword))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

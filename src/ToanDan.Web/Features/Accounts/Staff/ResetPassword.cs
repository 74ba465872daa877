using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Gives an account a new generated password, shown once to the administrator; the user must change it at
/// the next sign-in. Open sessions end within a minute, a temporary lock-out is lifted, and the user is told by
/// e-mail when that is configured (never with the password). Administrators change their own password on
/// their profile page instead.
/// </summary>
public static class ResetPassword
{
    public sealed record Command(Guid UserId, string? Stamp);

    /// <summary>The temporary password, to hand to the user; it is not stored anywhere.</summary>
    public sealed record Reset(string TemporaryPassword);

    public sealed class Handler(AccountScope scope, UserManager<User> users, AuditTrail audit, AccountNotices notices, ILogger<Handler> logger)
    {
        public async Task<Result<Reset>> HandleAsync(ClaimsPrincipal admin, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var loaded = await scope.LoadForChangeAsync(admin, input.UserId, input.Stamp, wholeAccount: true, ct);
            if (!loaded.IsSuccess)
            {
                return Result<Reset>.Failure(loaded.Errors);
            }

            var user = loaded.Value;
            if (admin.UserId() == user.Id)
            {
                return Error.Validation("Hãy đổi mật khẩu của chính bạn ở trang Đổi mật khẩu.");
            }

            var password = CreateUser.GeneratePassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            audit.Add("Accounts", nameof(User), user.Id.ToString(), AuditActions.PasswordReset, null);

            // One save: the password hash, the new security stamp, the flags above and the audit entries.
            var saved = await users.ResetPasswordAsync(user, token, password);
            if (!saved.Succeeded)
            {
                return Result<Reset>.Failure(AccountScope.Errors(saved));
            }

            var actorId = admin.UserId();
            AccountsLog.PasswordReset(logger, user.Id, actorId);
            await notices.PasswordResetAsync(user);
            return new Reset(password);
        }
    }
}

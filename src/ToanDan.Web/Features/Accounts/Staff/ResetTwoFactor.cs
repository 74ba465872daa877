using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Turns two-factor sign-in off for a user who lost their phone: the authenticator key is replaced and the
/// recovery codes are voided, so the old app and codes no longer work. The user enrols again at the next sign-in
/// (mandatory for sensitive roles). Open sessions end within a minute; the user is told by e-mail when configured.
/// </summary>
public static class ResetTwoFactor
{
    public sealed record Command(Guid UserId, string? Stamp);

    public sealed class Handler(AccountScope scope, UserManager<User> users, IUserStore<User> store, AuditTrail audit, AccountNotices notices, ILogger<Handler> logger)
    {
        public async Task<Result<bool>> HandleAsync(ClaimsPrincipal admin, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var loaded = await scope.LoadForChangeAsync(admin, input.UserId, input.Stamp, wholeAccount: true, ct);
            if (!loaded.IsSuccess)
            {
                return Result<bool>.Failure(loaded.Errors);
            }

            var user = loaded.Value;
            if (admin.UserId() == user.Id)
            {
                return Error.Validation("Bạn không thể tự đặt lại xác thực hai bước của mình; hãy nhờ một quản trị viên khác.");
            }

            // Through the store, so that the three changes, the new stamp and the audit entry are one save
            // (UserManager's SetTwoFactorEnabledAsync and ResetAuthenticatorKeyAsync would each save on their own).
            await ((IUserTwoFactorStore<User>)store).SetTwoFactorEnabledAsync(user, false, ct);
            await ((IUserAuthenticatorKeyStore<User>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), ct);
            await ((IUserTwoFactorRecoveryCodeStore<User>)store).ReplaceCodesAsync(user, [], ct);
            audit.Add("Accounts", nameof(User), user.Id.ToString(), AuditActions.TwoFactorReset, null);
            var saved = await users.UpdateSecurityStampAsync(user);
            if (!saved.Succeeded)
            {
                return Result<bool>.Failure(AccountScope.Errors(saved));
            }

            var actorId = admin.UserId();
            AccountsLog.TwoFactorReset(logger, user.Id, actorId);
            await notices.TwoFactorResetAsync(user);
            return true;
        }
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Disables or enables an account. A disabled account cannot sign in, and its open sessions end within a
/// minute (the security stamp changes). Administrators cannot disable themselves.
/// </summary>
public static class SetUserDisabled
{
    public sealed record Command(Guid UserId, bool Disabled, string? Stamp);

    public sealed class Handler(AccountScope scope, UserManager<User> users, ILogger<Handler> logger)
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
            if (input.Disabled && admin.UserId() == user.Id)
            {
                return Error.Validation("Bạn không thể tự vô hiệu hóa tài khoản của mình.");
            }

            if (user.IsDisabled == input.Disabled)
            {
                return input.Disabled;
            }

            user.IsDisabled = input.Disabled;
            var saved = await users.UpdateSecurityStampAsync(user);
            if (!saved.Succeeded)
            {
                return Result<bool>.Failure(AccountScope.Errors(saved));
            }

            var actorId = admin.UserId();
            AccountsLog.DisabledChanged(logger, user.Id, input.Disabled, actorId);
            return input.Disabled;
        }
    }
}

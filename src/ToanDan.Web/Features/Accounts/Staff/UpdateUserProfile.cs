using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>Corrects an account's full name and e-mail address. The user's menus show the new name within a minute.</summary>
public static class UpdateUserProfile
{
    public sealed record Command
    {
        public Guid UserId { get; init; }

        [Required(ErrorMessage = "Hãy nhập họ tên.")]
        [StringLength(User.FullNameMaxLength, ErrorMessage = "Họ tên quá dài.")]
        public string? FullName { get; init; }

        [EmailAddress(ErrorMessage = "Địa chỉ thư không hợp lệ.")]
        [StringLength(254, ErrorMessage = "Địa chỉ thư quá dài.")]
        public string? Email { get; init; }

        public string? Stamp { get; init; }
    }

    public sealed class Handler(AccountScope scope, UserManager<User> users, ToanDanDb db, ILogger<Handler> logger)
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
            var annotations = new List<ValidationResult>();
            if (!Validator.TryValidateObject(input, new ValidationContext(input), annotations, validateAllProperties: true))
            {
                return Result<bool>.Failure(annotations.Select(a => Error.Validation(a.ErrorMessage ?? "Giá trị không hợp lệ.", a.MemberNames.FirstOrDefault())).ToList());
            }

            var fullName = VietnameseText.Clean(input.FullName);
            if (fullName.Length == 0)
            {
                return Error.Validation("Hãy nhập họ tên.", nameof(Command.FullName));
            }

            var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
            if (email is not null && !string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
            {
                var normalized = users.NormalizeEmail(email);
                if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != user.Id, ct))
                {
                    // Sign-in accepts an e-mail address, so two accounts must never share one.
                    return Error.Validation("Địa chỉ thư này đã dùng cho một tài khoản khác.", nameof(Command.Email));
                }
            }

            if (fullName == user.FullName && email == user.Email)
            {
                return false;
            }

            user.FullName = fullName;
            if (email != user.Email)
            {
                user.Email = email;

                // Addresses are entered by an administrator, as at creation.
                user.EmailConfirmed = email is not null;
            }

            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                return Result<bool>.Failure(AccountScope.Errors(saved, nameof(Command.Email)));
            }

            var actorId = admin.UserId();
            AccountsLog.ProfileUpdated(logger, user.Id, actorId);
            return true;
        }
    }
}

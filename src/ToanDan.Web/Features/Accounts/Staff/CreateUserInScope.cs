using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// An administrator creates an account with one or more role assignments on units in their scope. The checks
/// that need the administrator (scope) or the form (rows, e-mail uniqueness) are made here; the account itself
/// is made by <see cref="CreateUser"/>. The user must change the password at first sign-in, whether it was
/// generated (and shown once) or typed by the administrator.
/// </summary>
public static class CreateUserInScope
{
    /// <summary>Role rows the form offers.</summary>
    public const int RoleRows = 3;

    /// <summary>Most role rows accepted in one request.</summary>
    public const int MaxRoleRows = 10;

    public sealed record Command
    {
        [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        [StringLength(64, MinimumLength = 3, ErrorMessage = "Tên đăng nhập dài 3–64 ký tự.")]
        public string? UserName { get; init; }

        [Required(ErrorMessage = "Hãy nhập họ tên.")]
        [StringLength(User.FullNameMaxLength, ErrorMessage = "Họ tên quá dài.")]
        public string? FullName { get; init; }

        [EmailAddress(ErrorMessage = "Địa chỉ thư không hợp lệ.")]
        [StringLength(254, ErrorMessage = "Địa chỉ thư quá dài.")]
        public string? Email { get; init; }

        /// <summary>Leave empty to have one generated.</summary>
        [StringLength(256, ErrorMessage = "Mật khẩu quá dài.")]
        public string? Password { get; init; }

        /// <summary>The form's role rows; blank rows are ignored.</summary>
        public List<RoleRow> Roles { get; init; } = [];
    }

    /// <summary>One row of the form: a role name and a unit code.</summary>
    public sealed record RoleRow
    {
        public string? Role { get; init; }

        public string? Unit { get; init; }
    }

    /// <summary>The new account; <see cref="GeneratedPassword"/> is shown once and never stored.</summary>
    public sealed record Created(Guid UserId, string UserName, string? GeneratedPassword);

    public sealed class Handler(CreateUser.Handler create, AccountScope scope, UserManager<User> users, ToanDanDb db, ILogger<Handler> logger)
    {
        public async Task<Result<Created>> HandleAsync(ClaimsPrincipal admin, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(admin);
            ArgumentNullException.ThrowIfNull(input);
            if (input.Roles.Count > MaxRoleRows)
            {
                return Error.Validation($"Mỗi lần tạo chỉ nhập được tối đa {MaxRoleRows} vai trò; hãy thêm vai trò khác sau khi tạo.", nameof(Command.Roles));
            }

            var errors = new List<Error>();
            var annotations = new List<ValidationResult>();
            Validator.TryValidateObject(input, new ValidationContext(input), annotations, validateAllProperties: true);
            errors.AddRange(annotations.Select(a => Error.Validation(a.ErrorMessage ?? "Giá trị không hợp lệ.", a.MemberNames.FirstOrDefault())));

            var adminUnits = scope.AdminUnits(admin);
            var roles = new List<(StaffRole, string)>();
            for (var i = 0; i < input.Roles.Count; i++)
            {
                var row = input.Roles[i];
                var prefix = string.Create(CultureInfo.InvariantCulture, $"{nameof(Command.Roles)}[{i}].");
                var hasRole = !string.IsNullOrWhiteSpace(row.Role);
                var hasUnit = !string.IsNullOrWhiteSpace(row.Unit);
                if (!hasRole && !hasUnit)
                {
                    continue;
                }

                StaffRole role = default;
                if (!hasRole)
                {
                    errors.Add(Error.Validation("Hãy chọn vai trò cho đơn vị này.", prefix + nameof(RoleRow.Role)));
                }
                else if (!StaffRoles.TryParse(row.Role, out role))
                {
                    errors.Add(Error.Validation("Vai trò không hợp lệ.", prefix + nameof(RoleRow.Role)));
                    hasRole = false;
                }

                var unit = await scope.ValidateGrantAsync(adminUnits, row.Unit, prefix + nameof(RoleRow.Unit), ct);
                if (!unit.IsSuccess)
                {
                    errors.AddRange(unit.Errors);
                }
                else if (hasRole)
                {
                    roles.Add((role, unit.Value));
                }
            }

            if (roles.Count == 0 && !errors.Any(e => e.Field?.StartsWith(nameof(Command.Roles), StringComparison.Ordinal) == true))
            {
                errors.Add(Error.Validation("Hãy chọn ít nhất một vai trò và đơn vị.", nameof(Command.Roles)));
            }

            if (!string.IsNullOrWhiteSpace(input.Email))
            {
                var normalized = users.NormalizeEmail(input.Email.Trim());
                if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
                {
                    // Sign-in accepts an e-mail address, so two accounts must never share one.
                    errors.Add(Error.Validation("Địa chỉ thư này đã dùng cho một tài khoản khác.", nameof(Command.Email)));
                }
            }

            if (errors.Count > 0)
            {
                return Result<Created>.Failure(errors);
            }

            var result = await create.HandleAsync(new CreateUser.Command
            {
                UserName = input.UserName!.Trim(),
                FullName = input.FullName!,
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
                Password = string.IsNullOrEmpty(input.Password) ? null : input.Password,
                Roles = roles.Distinct().ToList(),
                MustChangePassword = true,
            }, ct);
            if (!result.IsSuccess)
            {
                return Result<Created>.Failure(result.Errors);
            }

            var actorId = admin.UserId();
            AccountsLog.UserCreated(logger, result.Value.UserId, actorId);
            return new Created(result.Value.UserId, input.UserName.Trim(), result.Value.GeneratedPassword);
        }
    }
}

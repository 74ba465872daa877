using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Accounts;

/// <summary>
/// Creates a staff account with its role assignments. Used by the user administration page, the
/// <c>users create</c> command and the demo. Without a password, one is generated and returned once;
/// the user must then change it at first sign-in.
/// </summary>
public static class CreateUser
{
    public sealed record Command
    {
        [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        [StringLength(64, MinimumLength = 3, ErrorMessage = "Tên đăng nhập dài 3–64 ký tự.")]
        public string UserName { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập họ tên.")]
        [StringLength(User.FullNameMaxLength, ErrorMessage = "Họ tên quá dài.")]
        public string FullName { get; init; } = "";

        [EmailAddress(ErrorMessage = "Địa chỉ thư không hợp lệ.")]
        [StringLength(254)]
        public string? Email { get; init; }

        /// <summary>Leave empty to generate one.</summary>
        [StringLength(256)]
        public string? Password { get; init; }

        public IReadOnlyList<(StaffRole Role, string UnitCode)> Roles { get; init; } = [];

        public bool IsDemo { get; init; }

        /// <summary>Whether the user must change the password at first sign-in; by default only when it was generated.</summary>
        public bool? MustChangePassword { get; init; }
    }

    /// <summary>The new account, and the generated password if one was generated (shown once, never stored).</summary>
    public sealed record Created(Guid UserId, string? GeneratedPassword);

    public sealed class Handler(UserManager<User> users, ToanDanDb db, UnitTree tree, TimeProvider clock)
    {
        public async Task<Result<Created>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = new List<Error>();
            if (input.Roles.Count == 0)
            {
                errors.Add(Error.Validation("Tài khoản cần ít nhất một vai trò gắn với một đơn vị.", "Roles"));
            }

            foreach (var (_, unit) in input.Roles.Distinct())
            {
                if (unit != RoleAssignment.NationalScope && (await tree.HistoryAsync(unit, ct)).Count == 0)
                {
                    errors.Add(Error.Validation($"Không có đơn vị mã '{unit}' trong danh mục.", "Roles"));
                }
            }

            if (errors.Count > 0)
            {
                return Result<Created>.Failure(errors);
            }

            var generated = string.IsNullOrEmpty(input.Password) ? GeneratePassword() : null;
            var now = clock.GetUtcNow().UtcDateTime;
            var user = new User
            {
                UserName = input.UserName.Trim(),
                FullName = VietnameseText.Clean(input.FullName),
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
                EmailConfirmed = !string.IsNullOrWhiteSpace(input.Email),
                MustChangePassword = input.MustChangePassword ?? generated is not null,
                IsDemo = input.IsDemo,
                CreatedAtUtc = now,
            };
            foreach (var (role, unit) in input.Roles.Distinct())
            {
                user.Roles.Add(RoleAssignment.Create(user.Id, role, unit, now));
            }

            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await users.CreateAsync(user, input.Password is { Length: > 0 } given ? given : generated!);
                if (!result.Succeeded)
                {
                    return Result<Created>.Failure(result.Errors.Select(e => Error.Validation(e.Description, FieldOf(e.Code))).ToList());
                }

                await transaction.CommitAsync(ct);
                return Result<Created>.Success(new Created(user.Id, generated));
            });
        }

        private static string FieldOf(string code) => code switch
        {
            _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
            _ when code.Contains("Email", StringComparison.Ordinal) => "Email",
            _ => "UserName",
        };
    }

    /// <summary>A 16-character password from an alphabet without look-alike characters (about 90 bits).</summary>
    public static string GeneratePassword()
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 16);
    }
}

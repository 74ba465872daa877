using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Accounts.Public;

/// <summary>Signs a staff member in with a user name (or e-mail) and password; every outcome is audited.</summary>
public static class SignInStaff
{
    public sealed record Command
    {
        [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        [StringLength(254, ErrorMessage = "Tên đăng nhập quá dài.")]
        public string Login { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu.")]
        [StringLength(256, ErrorMessage = "Mật khẩu quá dài.")]
        public string Password { get; init; } = "";
    }

    public enum Outcome
    {
        SignedIn,
        NeedsSecondFactor,
        Rejected,
    }

    public sealed record Result(Outcome Outcome, string? Message = null);

    /// <summary>The one answer for an unknown user or a wrong password: it never tells which.</summary>
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public sealed class Handler(SignInManager<User> signIn, UserManager<User> users, ToanDanDb db, AuditTrail audit)
    {
        public async Task<Result> HandleAsync(Command input, string? clientIp, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var login = input.Login.Trim();
            var user = await users.FindByNameAsync(login) ?? (login.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(login) : null);
            if (user is null)
            {
                return new Result(Outcome.Rejected, WrongCredentials);
            }

            var result = await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
            var (action, outcome) = result switch
            {
                { Succeeded: true } => (AuditActions.SignIn, new Result(Outcome.SignedIn)),
                { RequiresTwoFactor: true } => ("sign-in-password-ok", new Result(Outcome.NeedsSecondFactor)),
                { IsLockedOut: true } => (AuditActions.LockedOut, new Result(Outcome.Rejected, LockedOutMessage(user))),
                { IsNotAllowed: true } => (AuditActions.SignInFailed, new Result(Outcome.Rejected, "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.")),
                _ => (AuditActions.SignInFailed, new Result(Outcome.Rejected, WrongCredentials)),
            };
            audit.Add(new AuditRecord("Accounts", nameof(User), user.Id.ToString(), action, null, null, user.Id, user.UserName ?? login, clientIp));
            await db.SaveChangesAsync(ct);
            return outcome;
        }

        internal static string LockedOutMessage(User user) =>
            user.LockoutEnd is { } end && end < DateTimeOffset.MaxValue.AddYears(-1)
                ? $"Tài khoản tạm khóa do nhập sai nhiều lần, đến {VietnamTime.ToVietnam(end):HH:mm dd/MM/yyyy}."
                : "Tài khoản đang bị khóa.";
    }
}

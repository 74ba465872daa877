using System.Net.Mail;
using ToanDan.Web.Infrastructure.Email;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Tells a user by e-mail that an administrator reset their password or two-factor sign-in, so that a reset
/// they did not ask for does not go unnoticed. Never carries the password. Sent only when an SMTP server is
/// configured and the account has an address; a failure is logged (account id only) and never undoes the reset.
/// </summary>
public sealed class AccountNotices(IEmailSender sender, TimeProvider clock, ILogger<AccountNotices> logger)
{
    /// <summary>Notice after <see cref="ResetPassword"/>.</summary>
    public Task PasswordResetAsync(User user) => SendAsync(user, "password-reset",
        "ToanDan: mật khẩu tài khoản của bạn đã được đặt lại",
        "quản trị viên đã đặt lại mật khẩu tài khoản {0} của bạn trên hệ thống ToanDan. Mật khẩu tạm thời không được gửi qua thư: "
        + "hãy nhận trực tiếp từ quản trị viên, rồi đổi mật khẩu ngay khi đăng nhập.");

    /// <summary>Notice after <see cref="ResetTwoFactor"/>.</summary>
    public Task TwoFactorResetAsync(User user) => SendAsync(user, "2fa-reset",
        "ToanDan: xác thực hai bước của tài khoản đã được đặt lại",
        "quản trị viên đã tắt xác thực hai bước của tài khoản {0} của bạn trên hệ thống ToanDan; các mã khôi phục cũ không còn dùng được. "
        + "Lần đăng nhập tới, hãy bật lại xác thực hai bước bằng ứng dụng xác thực trên điện thoại.");

    private async Task SendAsync(User user, string notice, string subject, string what)
    {
        if (!sender.IsEnabled || string.IsNullOrWhiteSpace(user.Email))
        {
            return;
        }

        var when = VietnamTime.Format(clock.GetUtcNow().UtcDateTime);
        var body = $"""
            Xin chào {user.FullName},

            Lúc {when} (giờ Việt Nam), {what.Replace("{0}", user.UserName, StringComparison.Ordinal)}

            Nếu bạn không đề nghị việc này, hãy báo ngay cho quản trị viên.

            Thư này được gửi tự động từ hệ thống ToanDan, xin đừng trả lời.
            """;
        try
        {
            // Not the request's token: the reset is done, and the user should hear of it even if the admin's browser went away.
            await sender.SendAsync(new EmailMessage(user.Email, subject, body), CancellationToken.None);
        }
#pragma warning disable CA1031 // Any failure of the mail system (network, TLS, server reply, timeout) only costs the notice.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var status = ex is SmtpException smtp ? smtp.StatusCode.ToString() : "-";
            AccountsLog.NoticeNotSent(logger, notice, user.Id, ex.GetType().Name, status);
        }
    }
}

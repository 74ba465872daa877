using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace ToanDan.Web.Features.Accounts;

/// <summary>Identity's validation messages in Vietnamese.</summary>
internal sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Đã có lỗi, hãy thử lại.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác sửa; hãy tải lại trang.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mật khẩu không đúng.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Mã không hợp lệ hoặc đã hết hạn.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"Tên đăng nhập '{userName}' không hợp lệ: chỉ dùng chữ không dấu, chữ số và . _ - @.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Địa chỉ thư '{email}' không hợp lệ.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Tên đăng nhập '{userName}' đã có người dùng.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Địa chỉ thư '{email}' đã có người dùng.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Tài khoản này không dùng cơ chế tạm khóa.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải có ít nhất {length} ký tự."));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau."));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ký tự đặc biệt.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Mật khẩu phải có chữ số.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Mật khẩu phải có chữ thường.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Mật khẩu phải có chữ hoa.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không đúng hoặc đã dùng.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

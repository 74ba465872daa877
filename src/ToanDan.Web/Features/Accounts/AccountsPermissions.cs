using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Accounts;

/// <summary>Permissions of the Accounts module.</summary>
public sealed class AccountsPermissions : IPermissionProvider
{
    /// <summary>Create accounts, assign roles in units in scope, disable accounts, reset passwords and two-factor sign-in.</summary>
    public const string ManageUsers = "accounts.users.manage";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(ManageUsers, "Quản lý tài khoản: tạo, phân quyền theo đơn vị, khóa, đặt lại mật khẩu và xác thực hai bước", "Manage accounts: create, assign roles by unit, disable, reset password and two-factor sign-in",
            [SystemAdministrator]),
    ];
}

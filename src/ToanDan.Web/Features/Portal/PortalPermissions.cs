using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Portal;

/// <summary>Permissions of the Portal module.</summary>
public sealed class PortalPermissions : IPermissionProvider
{
    /// <summary>Edit the portal's identity and footer (name, governing agency, editor-in-chief, licence, contacts, unit).</summary>
    public const string EditSettings = "portal.settings.edit";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(EditSettings, "Sửa thông tin cổng (tên, cơ quan chủ quản, giấy phép, chân trang)", "Edit the portal identity and footer",
            [SystemAdministrator, EditorInChief]),
    ];
}

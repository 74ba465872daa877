using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Audit;

/// <summary>Permissions of the Audit module.</summary>
public sealed class AuditPermissions : IPermissionProvider
{
    /// <summary>Read and export the audit trail of units in scope.</summary>
    public const string View = "audit.view";

    /// <summary>Check the hash chain of the whole audit trail.</summary>
    public const string Verify = "audit.verify";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Xem, xuất nhật ký thao tác", "Read and export the audit trail", [SystemAdministrator, ProvincePolice]),
        new(Verify, "Kiểm tra tính toàn vẹn của nhật ký", "Verify the integrity of the audit trail", [SystemAdministrator]),
    ];
}

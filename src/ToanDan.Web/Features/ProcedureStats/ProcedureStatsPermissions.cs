using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>Permissions of the ProcedureStats module.</summary>
public sealed class ProcedureStatsPermissions : IPermissionProvider
{
    /// <summary>List, enter, import and push (API) the administrative-procedure counters of units in scope.</summary>
    public const string Edit = "procedurestats.edit";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Edit, "Xem, nhập, sửa kết quả giải quyết thủ tục hành chính", "View, enter and edit administrative-procedure results",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, PortalEditor, EditorInChief]),
    ];
}

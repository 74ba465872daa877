using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Reports;

/// <summary>Permissions of the Reports module.</summary>
public sealed class ReportsPermissions : IPermissionProvider
{
    /// <summary>Read the annual figures and the per-commune overview (<c>/staff/reports/overview</c>) of units in scope.</summary>
    public const string ViewAnnual = "reports.annual.view";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(ViewAnnual, "Xem số liệu báo cáo năm và bảng tổng hợp theo xã của đơn vị trong phạm vi", "Read the annual figures and the per-commune overview of units in scope",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, MassOrganisation, Leader]),
    ];
}

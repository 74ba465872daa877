using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Units;

/// <summary>Permissions of the Units module.</summary>
public sealed class UnitsPermissions : IPermissionProvider
{
    /// <summary>Browse the administrative tree, its history and reorganisations (public reference data).</summary>
    public const string View = "units.view";

    /// <summary>See the places (khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục) of communes in scope.</summary>
    public const string ViewPlaces = "units.places.view";

    /// <summary>Add, edit and import places of communes in scope.</summary>
    public const string EditPlaces = "units.places.edit";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Xem cây đơn vị hành chính và lịch sử sắp xếp", "Browse the administrative tree and its reorganisations",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, MassOrganisation, PortalEditor, EditorInChief, Leader]),
        new(ViewPlaces, "Xem địa bàn (khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục)", "See places (residential areas, agencies, enterprises, schools)",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, MassOrganisation, Leader]),
        new(EditPlaces, "Thêm, sửa, nhập danh sách địa bàn", "Add, edit and import places",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
    ];
}

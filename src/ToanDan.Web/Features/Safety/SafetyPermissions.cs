using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Safety;

/// <summary>Permissions of the Safety module ("An toàn về ANTT" certification, TT 124/2021/TT-BCA).</summary>
public sealed class SafetyPermissions : IPermissionProvider
{
    /// <summary>See certification records, checklists, files and certificates of communes in scope; export lists.</summary>
    public const string View = "safety.view";

    /// <summary>Register places and communes, fill the checklist and meeting, upload dossier files, submit.</summary>
    public const string Edit = "safety.edit";

    /// <summary>Review (thẩm định) submitted dossiers as the commune police, or return them to be completed.</summary>
    public const string Review = "safety.review";

    /// <summary>Record the commune people's committee's decision and certificate for residential areas and the places it manages (TT 124/2021 Điều 10).</summary>
    public const string DecideLocal = "safety.decide.local";

    /// <summary>Record a district or provincial committee's decision and certificate: communes and places managed above the commune.</summary>
    public const string DecideUpper = "safety.decide.upper";

    /// <summary>Add provincial criteria to the national checklists (TT 124/2021 Điều 8.1).</summary>
    public const string ManageCriteria = "safety.criteria";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Xem hồ sơ xét công nhận “An toàn về ANTT”", "See “safe for security and order” certification records",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, MassOrganisation, Leader]),
        new(Edit, "Đăng ký, lập hồ sơ, gửi hồ sơ “An toàn về ANTT”", "Register, prepare and submit certification dossiers",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
        new(Review, "Thẩm định, trả lại hồ sơ “An toàn về ANTT” (Công an xã)", "Review or return certification dossiers (commune police)",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
        new(DecideLocal, "Ghi quyết định, cấp Giấy công nhận của UBND cấp xã (khu dân cư, đơn vị do xã quản lý)", "Record the commune committee's decision and certificate (residential areas, commune-managed places)",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
        new(DecideUpper, "Ghi quyết định, cấp Giấy công nhận của UBND cấp huyện, tỉnh (xã, đơn vị do cấp trên quản lý)", "Record a district or provincial committee's decision and certificate (communes, places managed above the commune)",
            [SystemAdministrator, ProvincePolice, DistrictPolice]),
        new(ManageCriteria, "Bổ sung tiêu chí “An toàn về ANTT” của tỉnh", "Add provincial certification criteria",
            [SystemAdministrator, ProvincePolice]),
    ];
}

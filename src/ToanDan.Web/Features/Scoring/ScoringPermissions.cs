using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Scoring;

/// <summary>Permissions of the Scoring module (movement scoring, QĐ 510/QĐ-BCA-V05).</summary>
public sealed class ScoringPermissions : IPermissionProvider
{
    /// <summary>See score cards, grades and the overdue list of units in scope; export them.</summary>
    public const string View = "scoring.view";

    /// <summary>Open a card, enter and send the self-score of a place, commune or district in scope.</summary>
    public const string Edit = "scoring.edit";

    /// <summary>Review the self-scores of residential areas and places of a commune (the commune level).</summary>
    public const string ReviewLocal = "scoring.review.local";

    /// <summary>Review the self-scores of communes (district or province) and of districts (province).</summary>
    public const string ReviewUpper = "scoring.review.upper";

    /// <summary>Define the province's own score sheets and grade thresholds.</summary>
    public const string ManageSheets = "scoring.sheets";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Xem bảng điểm, xếp loại phong trào", "See movement score cards and grades",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, MassOrganisation, Leader]),
        new(Edit, "Lập bảng điểm, tự chấm và gửi điểm phong trào", "Open score cards, self-score and send them",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
        new(ReviewLocal, "Thẩm định điểm của khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục (cấp xã)", "Review the scores of residential areas and places (commune level)",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
        new(ReviewUpper, "Thẩm định điểm, xếp loại phong trào của xã, huyện (cấp huyện, tỉnh)", "Review and grade communes and districts (district, province level)",
            [SystemAdministrator, ProvincePolice, DistrictPolice]),
        new(ManageSheets, "Quy định bảng điểm, ngưỡng xếp loại của tỉnh", "Define the province's score sheets and grade thresholds",
            [SystemAdministrator, ProvincePolice]),
    ];
}

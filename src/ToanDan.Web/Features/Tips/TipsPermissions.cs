using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// Permissions of the Tips module. Only police roles see tips, within the units their roles cover; the
/// Fatherland Front, editors and leaders have no access to tips (leaders see the yearly figures through the
/// annual report). The system administrator keeps the list of remote communes only.
/// </summary>
public sealed class TipsPermissions : IPermissionProvider
{
    /// <summary>See the tips of the units in scope: lists, clocks, narrative and files (every opening is audited); never the reporter's identity.</summary>
    public const string View = "tips.view";

    /// <summary>Receive tips from every channel and handle them: assign, classify, notes, messages to the reporter, transfer, extension, outcome, valuable flag, reward, close.</summary>
    public const string Handle = "tips.handle";

    /// <summary>Reveal the reporter's identity, giving a reason each time (audited).</summary>
    public const string Reveal = "tips.reveal";

    /// <summary>Flag communes as remote or island (48-hour transfer clock).</summary>
    public const string Configure = "tips.configure";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Xem tin báo, tố giác tội phạm trong phạm vi (không gồm danh tính người báo)", "View crime tips in scope (not the reporter's identity)",
            [ProvincePolice, DistrictPolice, CommunePolice]),
        new(Handle, "Tiếp nhận, xử lý tin báo, tố giác tội phạm", "Receive and handle crime tips",
            [ProvincePolice, DistrictPolice, CommunePolice]),
        new(Reveal, "Xem danh tính người tố giác (phải nêu lý do, được ghi nhật ký)", "Reveal a reporter's identity (reason required, audited)",
            [ProvincePolice, DistrictPolice, CommunePolice]),
        new(Configure, "Đánh dấu xã vùng sâu, vùng xa, hải đảo (thời hạn chuyển 48 giờ)", "Flag remote and island communes (48-hour transfer)",
            [SystemAdministrator, ProvincePolice]),
    ];
}

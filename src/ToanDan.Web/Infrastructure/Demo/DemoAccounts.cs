using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>The demo's accounts: one per role, bound to Nam Sách units, all with <see cref="Password"/>.</summary>
public static class DemoAccounts
{
    /// <summary>The shared demo password (demo databases only; written in README).</summary>
    public const string Password = "NamSach@2021demo";

    /// <summary>User name, full name, role, unit.</summary>
    public static readonly IReadOnlyList<(string UserName, string FullName, StaffRole Role, string Unit)> All =
    [
        ("quantri", "Quản trị hệ thống (minh họa)", StaffRole.SystemAdministrator, NamSachDemo.DistrictCode),
        ("congantinh", "Cán bộ Công an tỉnh Hải Dương (minh họa)", StaffRole.ProvincePolice, NamSachDemo.ProvinceCode),
        ("conganhuyen", "Cán bộ Công an huyện Nam Sách (minh họa)", StaffRole.DistrictPolice, NamSachDemo.DistrictCode),
        ("conganxa", "Công an thị trấn Nam Sách (minh họa)", StaffRole.CommunePolice, "10606"),
        ("conganxa2", "Công an xã Cộng Hòa (minh họa)", StaffRole.CommunePolice, "10639"),
        ("mattran", "Cán bộ Mặt trận Tổ quốc huyện (minh họa)", StaffRole.MassOrganisation, NamSachDemo.DistrictCode),
        ("bientap", "Biên tập viên cổng thông tin (minh họa)", StaffRole.PortalEditor, NamSachDemo.DistrictCode),
        ("truongban", "Trưởng ban biên tập (minh họa)", StaffRole.EditorInChief, NamSachDemo.DistrictCode),
        ("lanhdao", "Lãnh đạo huyện (minh họa)", StaffRole.Leader, NamSachDemo.DistrictCode),
    ];
}

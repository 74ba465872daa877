namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>The staff roles. Each assignment of a role to a user is bound to an administrative unit.</summary>
public enum StaffRole
{
    /// <summary>Quản trị hệ thống.</summary>
    SystemAdministrator,

    /// <summary>Lãnh đạo, cán bộ Công an tỉnh.</summary>
    ProvincePolice,

    /// <summary>Cán bộ Công an huyện (three-level structure, before 2025).</summary>
    DistrictPolice,

    /// <summary>Công an xã, phường, đặc khu.</summary>
    CommunePolice,

    /// <summary>Cán bộ Mặt trận Tổ quốc, đoàn thể.</summary>
    MassOrganisation,

    /// <summary>Biên tập viên cổng thông tin.</summary>
    PortalEditor,

    /// <summary>Trưởng ban biên tập.</summary>
    EditorInChief,

    /// <summary>Lãnh đạo (xem bảng số liệu).</summary>
    Leader,
}

/// <summary>Names of roles and which of them can reveal sensitive personal data.</summary>
public static class StaffRoles
{
    private static readonly Dictionary<StaffRole, (string Vietnamese, string English, bool Sensitive)> Table = new()
    {
        [StaffRole.SystemAdministrator] = ("Quản trị hệ thống", "System administrator", true),
        [StaffRole.ProvincePolice] = ("Công an tỉnh", "Provincial police", true),
        [StaffRole.DistrictPolice] = ("Công an huyện (trước 2025)", "District police (before 2025)", true),
        [StaffRole.CommunePolice] = ("Công an xã", "Commune police", true),
        [StaffRole.MassOrganisation] = ("Mặt trận Tổ quốc, đoàn thể", "Fatherland Front, mass organisation", false),
        [StaffRole.PortalEditor] = ("Biên tập viên", "Portal editor", false),
        [StaffRole.EditorInChief] = ("Trưởng ban biên tập", "Editor-in-chief", false),
        [StaffRole.Leader] = ("Lãnh đạo", "Leader", false),
    };

    /// <summary>Every role, in display order.</summary>
    public static IReadOnlyList<StaffRole> All { get; } = Enum.GetValues<StaffRole>();

    public static string Vietnamese(this StaffRole role) => Table[role].Vietnamese;

    public static string English(this StaffRole role) => Table[role].English;

    /// <summary>
    /// True for roles whose holders can reveal sensitive personal data (tip reporters, people in
    /// reintegration, mediation parties): two-factor sign-in is mandatory for them unless
    /// Security:RequireTwoFactorForSensitiveRoles is turned off.
    /// </summary>
    public static bool IsSensitive(this StaffRole role) => Table[role].Sensitive;

    /// <summary>Parses a role name as stored or posted.</summary>
    public static bool TryParse(string? value, out StaffRole role) => Enum.TryParse(value, ignoreCase: false, out role) && Enum.IsDefined(role);
}

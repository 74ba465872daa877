using System.Globalization;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>How the account pages name roles and units in the interface language.</summary>
public static class AccountLabels
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The role's name in the interface language.</summary>
    public static string Name(this StaffRole role) => English ? role.English() : role.Vietnamese();

    /// <summary>"Xã Nam Sách (10606)", the whole country for <see cref="RoleAssignment.NationalScope"/>, or the bare code of an unknown unit.</summary>
    public static string Unit(string code, string? name) =>
        code == RoleAssignment.NationalScope
            ? (English ? "Whole country (VN)" : "Toàn quốc (VN)")
            : name is null ? code : $"{name} ({code})";
}

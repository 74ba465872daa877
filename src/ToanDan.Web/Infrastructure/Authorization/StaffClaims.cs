using System.Security.Claims;

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>Claims ToanDan puts in the sign-in cookie, and how to read them back.</summary>
public static class StaffClaims
{
    /// <summary>One claim per role assignment, value <c>Role@UnitCode</c>.</summary>
    public const string RoleAssignment = "toandan:role";

    /// <summary>The user's full name.</summary>
    public const string FullName = "toandan:name";

    /// <summary>Present (value "1") when the account has two-factor sign-in enabled.</summary>
    public const string TwoFactor = "toandan:2fa";

    /// <summary>Present when the account must change its password before anything else.</summary>
    public const string MustChangePassword = "toandan:must-change-password";

    /// <summary>The role assignments carried by a principal.</summary>
    public static IReadOnlyList<(StaffRole Role, string UnitCode)> Assignments(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var list = new List<(StaffRole, string)>();
        foreach (var claim in user.FindAll(RoleAssignment))
        {
            var at = claim.Value.IndexOf('@', StringComparison.Ordinal);
            if (at > 0 && StaffRoles.TryParse(claim.Value[..at], out var role))
            {
                list.Add((role, claim.Value[(at + 1)..]));
            }
        }

        return list;
    }

    /// <summary>The account id, or null for an anonymous principal.</summary>
    public static Guid? UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }
}

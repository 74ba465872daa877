using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts;

/// <summary>
/// A role held by a user in an administrative unit. The user's scope for that role is the unit's subtree
/// (see <see cref="UserScopes"/>); <see cref="NationalScope"/> stands for the whole country.
/// </summary>
public sealed class RoleAssignment : IAudited
{
    /// <summary>The unit code that stands for the whole country.</summary>
    public const string NationalScope = "VN";

    private RoleAssignment()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public StaffRole Role { get; private set; }

    /// <summary>Official code of the unit (2, 3 or 5 digits) or <see cref="NationalScope"/>.</summary>
    public string UnitCode { get; private set; } = "";

    public DateTime AssignedAtUtc { get; private set; }

    public static RoleAssignment Create(Guid userId, StaffRole role, string unitCode, DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Role = role,
        UnitCode = unitCode,
        AssignedAtUtc = nowUtc,
    };

    string IAudited.AuditModule => "Accounts";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode == NationalScope ? null : UnitCode;

    /// <summary>The claim value that carries this assignment: <c>Role@UnitCode</c>.</summary>
    public string ClaimValue => $"{Role}@{UnitCode}";
}

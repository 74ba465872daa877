using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Features.Audit;

namespace ToanDan.Web.Features.Accounts;

/// <summary>A staff account. Citizens have no accounts: they follow their tips with a receipt code.</summary>
public sealed class User : IdentityUser<Guid>, IAudited
{
    /// <summary>Longest full name accepted.</summary>
    public const int FullNameMaxLength = 200;

    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>Full name as shown in menus and the audit trail.</summary>
    public string FullName { get; set; } = "";

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set after an administrator resets the password: the user must choose a new one first.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Created by the demo; a demo database holds only such accounts.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user's role assignments, each bound to a unit.</summary>
    public List<RoleAssignment> Roles { get; } = [];

    string IAudited.AuditModule => "Accounts";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => null;
}

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>
/// A permission a module declares: a stable name (<c>module.action</c>), what it allows in Vietnamese and
/// English, and the staff roles that hold it by default. Roles and their permissions live in code and are
/// reviewed like code; the staff UI assigns roles, never individual permissions.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>units.places.edit</c>; also the name of its authorization policy.</param>
/// <param name="Vietnamese">What it allows, in Vietnamese.</param>
/// <param name="English">What it allows, in English.</param>
/// <param name="Roles">The roles that hold it.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A permission is called a permission.")]
public sealed record Permission(string Name, string Vietnamese, string English, IReadOnlyList<StaffRole> Roles);

/// <summary>Implemented by each module's permission class so the catalogue can list them all.</summary>
public interface IPermissionProvider
{
    /// <summary>The module's permissions.</summary>
    static abstract IReadOnlyList<Permission> All { get; }
}

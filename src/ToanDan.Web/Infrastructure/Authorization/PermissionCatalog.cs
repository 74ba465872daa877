using System.Collections.Frozen;

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>Every permission of every module, and which roles hold each.</summary>
public sealed class PermissionCatalog
{
    private readonly FrozenDictionary<string, Permission> _byName;
    private readonly FrozenDictionary<StaffRole, FrozenSet<string>> _byRole;

    public PermissionCatalog(IEnumerable<Permission> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var list = permissions.ToList();
        var duplicate = list.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Permission '{duplicate.Key}' is declared twice.");
        }

        _byName = list.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _byRole = StaffRoles.All.ToFrozenDictionary(
            r => r,
            r => list.Where(p => p.Roles.Contains(r)).Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal));
        All = list.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every permission, by name.</summary>
    public IReadOnlyList<Permission> All { get; }

    public bool Exists(string name) => _byName.ContainsKey(name);

    /// <summary>True when <paramref name="role"/> holds <paramref name="permission"/>.</summary>
    public bool Grants(StaffRole role, string permission) => _byRole[role].Contains(permission);

    /// <summary>The permissions a set of roles holds together.</summary>
    public IReadOnlySet<string> For(IEnumerable<StaffRole> roles) => roles.SelectMany(r => _byRole[r]).ToHashSet(StringComparer.Ordinal);
}

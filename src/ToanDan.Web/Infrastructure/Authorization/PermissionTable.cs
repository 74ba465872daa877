using System.Text;

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>Renders the roles × permissions table published in docs/security.md (a test keeps the doc current).</summary>
public static class PermissionTable
{
    /// <summary>Markdown table: one row per permission, one column per role, ✓ where the role holds it.</summary>
    public static string Markdown(PermissionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var roles = StaffRoles.All;
        var builder = new StringBuilder();
        builder.Append("| Permission | What it allows |");
        foreach (var role in roles)
        {
            builder.Append(' ').Append(role.Vietnamese()).Append(" |");
        }

        builder.Append('\n').Append("| --- | --- |");
        foreach (var _ in roles)
        {
            builder.Append(" :-: |");
        }

        builder.Append('\n');
        foreach (var permission in catalog.All)
        {
            builder.Append("| `").Append(permission.Name).Append("` | ").Append(permission.English).Append(" |");
            foreach (var role in roles)
            {
                builder.Append(catalog.Grants(role, permission.Name) ? " ✓ |" : "  |");
            }

            builder.Append('\n');
        }

        builder.Append('\n').Append("Roles that can reveal sensitive data (two-factor sign-in mandatory): ")
            .Append(string.Join(", ", roles.Where(r => r.IsSensitive()).Select(r => $"{r.Vietnamese()} ({r})")))
            .Append(".\n");
        return builder.ToString();
    }
}

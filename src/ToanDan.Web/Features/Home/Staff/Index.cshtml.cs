using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Home.Staff;

/// <summary>The staff home: who you are, your roles and units, and what you can open.</summary>
[Authorize(Policy = AuthorizationSetup.StaffPolicy)]
public sealed class IndexModel(UnitTree tree, StaffMenu menu, TimeProvider clock) : PageModel
{
    public string FullName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(string Role, string Unit)> Roles { get; private set; } = [];

    public IReadOnlyList<StaffMenu.Item> Menu { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        FullName = User.FindFirst(StaffClaims.FullName)?.Value ?? User.Identity?.Name ?? "";
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var roles = new List<(string, string)>();
        foreach (var (role, unit) in User.Assignments())
        {
            roles.Add((english ? role.English() : role.Vietnamese(), await UnitNameAsync(unit, ct)));
        }

        Roles = roles;
        Menu = menu.For(User);
    }

    private async Task<string> UnitNameAsync(string code, CancellationToken ct)
    {
        if (code == RoleAssignment.NationalScope)
        {
            return "Toàn quốc";
        }

        var unit = await tree.FindAsync(code, Today, ct);
        if (unit is not null)
        {
            return unit.Name;
        }

        // A unit that no longer exists (for example a district before 2025): show its last name.
        var history = await tree.HistoryAsync(code, ct);
        return history.Count > 0 ? $"{history[^1].Name} ({code})" : code;
    }
}

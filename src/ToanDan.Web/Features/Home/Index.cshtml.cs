using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Home;

public sealed class IndexModel(ToanDanDb db, Portal.PortalSettingsQuery portal, TimeProvider clock) : PageModel
{
    /// <summary>The unit whose "Kết quả giải quyết TTHC" box the home page shows (portal settings); null: no box.</summary>
    public string? PortalUnit { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(string Label, int Count)> Stats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        PortalUnit = (await portal.GetAsync(ct))?.UnitCode;
        var counts = await db.AdministrativeUnits.AsNoTracking().ValidOn(Today)
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Stats = counts.OrderBy(c => c.Key)
            .Select(c => (c.Key switch { UnitLevel.Province => "đơn vị cấp tỉnh", UnitLevel.District => "đơn vị cấp huyện", _ => "đơn vị cấp xã" }, c.Count))
            .ToList();
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Home;

[Portal.Caching.PortalPage]
public sealed class IndexModel(ToanDanDb db, Portal.PortalSettingsQuery portal, News.PublishedArticles articles, TimeProvider clock) : PageModel
{
    /// <summary>How many of the latest articles the home page lists.</summary>
    public const int LatestCount = 10;

    /// <summary>The latest published articles of the portal.</summary>
    public IReadOnlyList<News.ArticleSummary> Latest { get; private set; } = [];

    /// <summary>How many featured articles the home page shows.</summary>
    public const int FeaturedCount = 5;

    /// <summary>How many of the latest articles of each category the home page shows.</summary>
    public const int PerCategoryCount = 5;

    /// <summary>The featured articles (chosen by the editor-in-chief), newest first.</summary>
    public IReadOnlyList<News.ArticleSummary> Featured { get; private set; } = [];

    /// <summary>The latest articles of each visible category, in the categories' order.</summary>
    public IReadOnlyList<(string Name, string Slug, IReadOnlyList<News.ArticleSummary> Items)> ByCategory { get; private set; } = [];

    /// <summary>The portal's categories (name, slug).</summary>
    public IReadOnlyList<(string Name, string Slug)> Categories { get; private set; } = [];

    /// <summary>The unit whose "Kết quả giải quyết TTHC" box the home page shows (portal settings); null: no box.</summary>
    public string? PortalUnit { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(string Label, int Count)> Stats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        PortalUnit = (await portal.GetAsync(ct))?.UnitCode;
        if (PortalUnit is not null)
        {
            Latest = (await articles.ListAsync(PortalUnit, null, 1, ct)).Items.Take(LatestCount).ToList();
            Categories = await articles.CategoriesAsync(PortalUnit, ct);
            Featured = await articles.FeaturedAsync(PortalUnit, FeaturedCount, ct);
            ByCategory = await articles.LatestByCategoryAsync(PortalUnit, PerCategoryCount, ct);
        }

        var counts = await db.AdministrativeUnits.AsNoTracking().ValidOn(Today)
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Stats = counts.OrderBy(c => c.Key)
            .Select(c => (c.Key switch { UnitLevel.Province => "đơn vị cấp tỉnh", UnitLevel.District => "đơn vị cấp huyện", _ => "đơn vị cấp xã" }, c.Count))
            .ToList();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.News;

namespace ToanDan.Web.Features.Portal.Public;

/// <summary>A category of the portal's news, newest first, paginated (<c>/chuyen-muc/{slug}?trang=N</c>).</summary>
[Caching.PortalPage]
public sealed class CategoryModel(PublishedArticles articles, PortalSettingsQuery settings) : PageModel
{
    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public ArticlePage Listing { get; private set; } = new([], 1, PublishedArticles.PageSize, 0);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "trang")] int? page, CancellationToken ct)
    {
        if (await settings.GetAsync(ct) is not { UnitCode: { } unit })
        {
            return NotFound();
        }

        var category = (await articles.CategoriesAsync(unit, ct)).FirstOrDefault(c => c.Slug == slug);
        if (category.Slug is null || page is < 1)
        {
            return NotFound();
        }

        Name = category.Name;
        Slug = category.Slug;
        Listing = await articles.ListAsync(unit, slug, page ?? 1, ct);
        return Listing.Page > Listing.PageCount ? NotFound() : Page();
    }
}

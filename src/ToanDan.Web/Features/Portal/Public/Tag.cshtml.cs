using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.News;

namespace ToanDan.Web.Features.Portal.Public;

/// <summary>The published articles with one tag, newest first, paginated (<c>/the/{slug}?trang=N</c>); an unknown tag or page is 404.</summary>
public sealed class TagModel(PublishedArticles articles, PortalSettingsQuery settings) : PageModel
{
    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public ArticlePage Listing { get; private set; } = new([], 1, PublishedArticles.PageSize, 0);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "trang")] int? page, CancellationToken ct)
    {
        if (await settings.GetAsync(ct) is not { UnitCode: { } unit } || page is < 1)
        {
            return NotFound();
        }

        var found = await articles.ListByTagAsync(unit, slug, page ?? 1, ct);
        if (found is not { } tag || tag.Listing.Page > tag.Listing.PageCount)
        {
            return NotFound();
        }

        Name = tag.Name;
        Slug = slug;
        Listing = tag.Listing;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.News;

namespace ToanDan.Web.Features.Portal.Public;

/// <summary>
/// Search of the portal's published news (<c>/tim-kiem?q=…&amp;trang=N</c>): without diacritics, ranked, with the
/// terms marked in titles and snippets. An empty query, a query of signs only or a page past the end shows a
/// friendly page (200); the query text is never interpreted as search syntax.
/// </summary>
public sealed class SearchModel(PublishedArticles articles, PortalSettingsQuery settings) : PageModel
{
    /// <summary>The query as typed (cut to <see cref="ArticleSearch.QueryMaxLength"/> characters).</summary>
    public string Query { get; private set; } = "";

    public SearchPage Results { get; private set; } = new([], [], 1, PublishedArticles.SearchPageSize, 0);

    /// <summary>True when the portal has no unit yet (nothing to search).</summary>
    public bool NoPortal { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "trang")] string? page, CancellationToken ct)
    {
        // "trang" is read as text so that "abc", "-1" or a huge number never fail binding: anything odd is page 1.
        var number = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000 ? n : 1;
        Query = q is null ? "" : (q.Length > ArticleSearch.QueryMaxLength ? q[..ArticleSearch.QueryMaxLength] : q).Trim();
        if (await settings.GetAsync(ct) is not { UnitCode: { } unit })
        {
            NoPortal = true;
            return Page();
        }

        Results = await articles.SearchAsync(unit, Query, number, ct);
        return Page();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page) => $"/tim-kiem?q={Uri.EscapeDataString(Query)}" + (page > 1 ? $"&trang={page}" : "");
}

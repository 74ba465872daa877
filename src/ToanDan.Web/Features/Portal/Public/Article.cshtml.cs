using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.News;

namespace ToanDan.Web.Features.Portal.Public;

/// <summary>
/// The public article page as the seed shows it: title, "Ngày tạo", lead, body with captioned figures, author,
/// "In trang · Quay lại · Lên trên", "Các tin khác", the TTHC box and the footer from the portal settings.
/// A former slug answers 301 to the current one.
/// </summary>
[Caching.PortalPage]
public sealed class ArticleModel(PublishedArticles articles, PortalSettingsQuery settings) : PageModel
{
    /// <summary>How many "other news" items the page lists (the seed shows ten).</summary>
    public const int OtherNewsCount = 10;

    public PublishedArticle Article { get; private set; } = null!;

    public IReadOnlyList<ArticleSummary> OtherNews { get; private set; } = [];

    public string? PortalUnit { get; private set; }

    public string? PortalName { get; private set; }

    /// <summary>The route segment of the print view: <c>/tin-tuc/{slug}/in</c>.</summary>
    public const string PrintSegment = "in";

    /// <summary>True for the print view (<c>/tin-tuc/{slug}/in</c>).</summary>
    public bool Print { get; private set; }

    /// <summary>The article's own address (also for its print view), for the canonical link and OpenGraph.</summary>
    public string CanonicalUrl => $"{Request.Scheme}://{Request.Host}/tin-tuc/{Article.Slug}";

    /// <summary>The meta description: the lead, or the start of the body as plain text (at most 160 characters).</summary>
    public string Description
    {
        get
        {
            var text = !string.IsNullOrWhiteSpace(Article.Lead)
                ? Article.Lead
                : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(Article.BodyHtml, "<[^>]+>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
            text = Infrastructure.Text.VietnameseText.Clean(text);
            return text.Length <= 160 ? text : text[..157].TrimEnd() + "…";
        }
    }

    public async Task<IActionResult> OnGetAsync(string slug, string? view, CancellationToken ct)
    {
        if (view is not null && view != PrintSegment)
        {
            return NotFound();
        }

        var print = view == PrintSegment;
        var portal = await settings.GetAsync(ct);
        if (portal?.UnitCode is not { } unit)
        {
            return NotFound();
        }

        var article = await articles.GetBySlugAsync(unit, slug, ct);
        if (article is null)
        {
            return NotFound();
        }

        if (article.FoundByFormerSlug)
        {
            return RedirectToPagePermanent(null, new { slug = article.Slug, view });
        }

        Article = article;
        PortalUnit = unit;
        PortalName = portal.PortalName;
        Print = print;
        OtherNews = print ? [] : await articles.OtherNewsAsync(article.Id, OtherNewsCount, ct);
        return Page();
    }
}

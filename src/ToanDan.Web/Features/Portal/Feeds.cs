using System.Globalization;
using System.Text;
using System.Xml;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.Portal.Caching;

namespace ToanDan.Web.Features.Portal;

/// <summary>
/// Machine-readable views of the portal: RSS 2.0 (<c>/rss.xml</c>, <c>/rss/{category}.xml</c>),
/// <c>/sitemap.xml</c> and <c>/robots.txt</c>. All public; built from published articles only.
/// </summary>
public static class Feeds
{
    /// <summary>Items in a feed.</summary>
    public const int FeedSize = 20;

    public static IEndpointRouteBuilder MapPortalFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rss.xml", (HttpContext context, PublishedArticles articles, PortalSettingsQuery settings, CancellationToken ct) =>
            RssAsync(context, articles, settings, null, ct)).AllowAnonymous().WithMetadata(new PortalPageAttribute());
        routes.MapGet("/rss/{category}.xml", (HttpContext context, string category, PublishedArticles articles, PortalSettingsQuery settings, CancellationToken ct) =>
            RssAsync(context, articles, settings, category, ct)).AllowAnonymous().WithMetadata(new PortalPageAttribute());
        routes.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous().WithMetadata(new PortalPageAttribute());
        routes.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text($"User-agent: *\nDisallow: /staff/\nDisallow: /api/\nDisallow: /dang-nhap\nSitemap: {BaseUrl(context)}/sitemap.xml\n", "text/plain; charset=utf-8")).AllowAnonymous().WithMetadata(new PortalPageAttribute());
        return routes;
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static async Task<IResult> RssAsync(HttpContext context, PublishedArticles articles, PortalSettingsQuery settings, string? category, CancellationToken ct)
    {
        var portal = await settings.GetAsync(ct);
        if (portal?.UnitCode is not { } unit)
        {
            return Results.NotFound();
        }

        var page = await articles.ListAsync(unit, category, 1, ct);
        if (category is not null && page.TotalCount == 0)
        {
            return Results.NotFound();
        }

        var baseUrl = BaseUrl(context);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", portal.PortalName);
            writer.WriteElementString("link", baseUrl + "/");
            writer.WriteElementString("description", portal.PortalName);
            writer.WriteElementString("language", "vi");
            foreach (var item in page.Items.Take(FeedSize))
            {
                var link = $"{baseUrl}/tin-tuc/{item.Slug}";
                writer.WriteStartElement("item");
                writer.WriteElementString("title", item.Title);
                writer.WriteElementString("link", link);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(link);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", DateTime.SpecifyKind(item.PublishedAtUtc, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
                if (!string.IsNullOrWhiteSpace(item.Lead))
                {
                    writer.WriteElementString("description", item.Lead);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, PublishedArticles articles, PortalSettingsQuery settings, CancellationToken ct)
    {
        const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var portal = await settings.GetAsync(ct);
        var baseUrl = BaseUrl(context);
        var items = new List<ArticleSummary>();
        if (portal?.UnitCode is { } unit)
        {
            for (var page = 1; ; page++)
            {
                var batch = await articles.ListAsync(unit, null, page, ct);
                items.AddRange(batch.Items);
                if (page >= batch.PageCount || items.Count >= 45_000)
                {
                    break;
                }
            }
        }

        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, baseUrl + "/");
            writer.WriteEndElement();
            foreach (var item in items)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, $"{baseUrl}/tin-tuc/{item.Slug}");
                writer.WriteElementString("lastmod", Namespace, item.PublishedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/xml; charset=utf-8");
    }

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}

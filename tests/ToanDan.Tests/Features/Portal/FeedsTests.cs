using System.Net;
using System.Xml.Linq;
using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.Portal;

/// <summary>RSS 2.0, sitemap and robots.txt parse and list the published articles.</summary>
public abstract class FeedsTests(AppFixture app) : AppTests(app)
{
    [Fact]
    public async Task Rss_IsValidRss2WithThePublishedArticlesNewestFirst()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync("/rss.xml", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.Equal("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH", channel.Element("title")?.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(11, items.Count);
        Assert.Equal("Thanh niên đi tù vì tàng trữ trái phép chất ma túy", items[0].Element("title")?.Value);
        var seed = Assert.Single(items, i => i.Element("link")!.Value.EndsWith("/tin-tuc/hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach", StringComparison.Ordinal));
        Assert.True(DateTimeOffset.TryParse(seed.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var published));
        Assert.Equal(new DateOnly(2021, 8, 19), DateOnly.FromDateTime(published.ToOffset(TimeSpan.FromHours(7)).DateTime));
    }

    [Fact]
    public async Task Sitemap_ListsHomeAndEveryPublishedArticle()
    {
        using var client = Factory.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Equal(12, locations.Count);
        Assert.EndsWith("/", locations[0], StringComparison.Ordinal);
        Assert.Contains(locations, l => l.EndsWith("/tin-tuc/hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_KeepsCrawlersOutOfStaffAndApi()
    {
        using var client = Factory.CreateClient();
        var robots = await client.GetStringAsync("/robots.txt", TestContext.Current.CancellationToken);
        Assert.Contains("Disallow: /staff/", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /api/", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CategoryFeed_OfUnknownCategory_Is404()
    {
        using var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rss/khong-co.xml", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class FeedsTestsOnSqlite(SqliteDemoApp app) : FeedsTests(app), IClassFixture<SqliteDemoApp>;

public sealed class FeedsTestsOnPostgreSql(PostgreSqlDemoApp app) : FeedsTests(app), IClassFixture<PostgreSqlDemoApp>;

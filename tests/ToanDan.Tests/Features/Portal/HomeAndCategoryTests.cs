using System.Net;
using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.Portal;

/// <summary>The portal home lists the latest news and the categories; a category page lists its articles.</summary>
public abstract class HomeAndCategoryTests(AppFixture app) : AppTests(app)
{
    [Fact]
    public async Task Home_ListsTheLatestTenArticlesAndTheCategories()
    {
        using var client = Factory.CreateClient();
        var page = await Html.GetAsync(client, "/");
        var latest = page.QuerySelectorAll("section[aria-labelledby=latest-heading] .article-list > li > a").Select(a => a.TextContent).ToList();
        Assert.Equal(10, latest.Count);
        Assert.Equal("Thanh niên đi tù vì tàng trữ trái phép chất ma túy", latest[0]);
        var categories = page.QuerySelectorAll(".categories a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/chuyen-muc/an-ninh-trat-tu", categories);
        Assert.Contains("/chuyen-muc/tin-tuc-su-kien", categories);
        Assert.Contains("/rss.xml", categories);
    }

    [Fact]
    public async Task Category_ListsOnlyItsArticles()
    {
        using var client = Factory.CreateClient();
        var page = await Html.GetAsync(client, "/chuyen-muc/an-ninh-trat-tu");
        Assert.Equal("An ninh trật tự", page.QuerySelector("main h1")!.TextContent);
        var titles = page.QuerySelectorAll(".article-list > li > a").Select(a => a.TextContent).ToList();
        Assert.Contains("Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách", titles);
        Assert.DoesNotContain("Xã Nam Tân động viên thanh niên lên đường nhập ngũ", titles);
    }

    [Theory]
    [InlineData("/chuyen-muc/khong-co")]
    [InlineData("/chuyen-muc/an-ninh-trat-tu?trang=0")]
    [InlineData("/chuyen-muc/an-ninh-trat-tu?trang=99")]
    public async Task UnknownCategoryOrPage_Is404(string url)
    {
        using var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class HomeAndCategoryTestsOnSqlite(SqliteDemoApp app) : HomeAndCategoryTests(app), IClassFixture<SqliteDemoApp>;

public sealed class HomeAndCategoryTestsOnPostgreSql(PostgreSqlDemoApp app) : HomeAndCategoryTests(app), IClassFixture<PostgreSqlDemoApp>;

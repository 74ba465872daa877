using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.Portal;

/// <summary>The seed page, element by element, served from the demo's records and settings.</summary>
public abstract class ArticlePageTests(AppFixture app) : AppTests(app)
{
    private const string SeedUrl = "/tin-tuc/hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach";

    [Fact]
    public async Task SeedArticle_ShowsTitleDateBodyFiguresAndAuthor()
    {
        using var client = Factory.CreateClient();
        var page = await Html.GetAsync(client, SeedUrl);
        Assert.Equal("Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách", page.QuerySelector("article h1")!.TextContent);
        Assert.Equal("Ngày tạo: 19/08/2021", page.QuerySelector(".article-date")!.TextContent.Trim());
        var body = page.QuerySelector(".article-body")!.TextContent;
        Assert.Contains("Hiện toàn huyện đang duy trì 88 mô hình điển hình tiên tiến", body, StringComparison.Ordinal);
        var captions = page.QuerySelectorAll(".article-body figcaption").Select(f => f.TextContent.Trim()).ToList();
        Assert.Contains(captions, c => c.StartsWith("Các tập thể, cá nhân tiêu biểu được Giám đốc Công an tỉnh tặng giấy khen năm 2020", StringComparison.Ordinal));
        Assert.Contains(captions, c => c.StartsWith("Lực lượng công an có vai trò quan trọng", StringComparison.Ordinal));
        Assert.Equal("DƯƠNG HÒA", page.QuerySelector(".article-author")!.TextContent.Trim());
        var tools = page.QuerySelectorAll(".article-tools a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("In trang", SeedUrl + "/in"), ("Quay lại", "/"), ("Lên trên", "#top")], tools);
    }

    [Fact]
    public async Task OtherNews_AreTheSeedsTenItemsNewestFirstWithTheirDates()
    {
        using var client = Factory.CreateClient();
        var page = await Html.GetAsync(client, SeedUrl);
        var items = page.QuerySelectorAll(".other-news li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, items.Count);
        Assert.StartsWith("Thanh niên đi tù vì tàng trữ trái phép chất ma túy", items[0], StringComparison.Ordinal);
        Assert.EndsWith("(23/02/2024)", items[0], StringComparison.Ordinal);
        Assert.StartsWith("Tòa án nhân dân huyện Nam Sách xét xử 02 vụ án hình sự", items[5], StringComparison.Ordinal);
        Assert.EndsWith("(17/08/2021)", items[5], StringComparison.Ordinal);
        Assert.StartsWith("Tăng cường công tác quản lý và thực hiện nghiêm các quy định tại khu cách ly y tế tập trung", items[9], StringComparison.Ordinal);
        Assert.EndsWith("(03/08/2021)", items[9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_HasTheTthcBoxAndTheFooterFromSettings()
    {
        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync(SeedUrl, TestContext.Current.CancellationToken);
        Assert.Contains("KẾT QUẢ GIẢI QUYẾT TTHC", html, StringComparison.Ordinal);
        Assert.Contains("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH", html, StringComparison.Ordinal);
        Assert.Contains("Cơ quan chủ quản: UBND huyện Nam Sách", html, StringComparison.Ordinal);
        Assert.Contains("20/GP-STTTT", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_HasDescriptionCanonicalAndOpenGraph()
    {
        using var client = Factory.CreateClient();
        foreach (var url in new[] { SeedUrl, SeedUrl + "/in" })
        {
            var page = await Html.GetAsync(client, url);
            Assert.Equal("https://localhost" + SeedUrl, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        }

        var article = await Html.GetAsync(client, SeedUrl);
        var description = article.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
        Assert.StartsWith("Trong những năm qua, phong trào Toàn dân bảo vệ an ninh Tổ quốc ở huyện Nam Sách", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 160);
        Assert.Equal("Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách", article.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal("article", article.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task PrintView_IsCleanWithPortalNameAndAddress()
    {
        using var client = Factory.CreateClient();
        var page = await Html.GetAsync(client, SeedUrl + "/in");
        Assert.Null(page.QuerySelector("nav"));
        Assert.Null(page.QuerySelector(".other-news"));
        Assert.Null(page.QuerySelector(".article-tools"));
        Assert.Equal("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH", page.QuerySelector(".print-portal")!.TextContent);
        Assert.EndsWith(SeedUrl, page.QuerySelector(".print-url")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("DƯƠNG HÒA", page.QuerySelector(".article-author")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/tin-tuc/khong-co-bai-nay")]
    [InlineData("/tin-tuc/hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach/khac")]
    public async Task UnknownArticle_Is404(string url)
    {
        using var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Article_IsPublicAndCarriesSecurityHeaders()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await client.GetAsync(SeedUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}

public sealed class ArticlePageTestsOnSqlite(SqliteDemoApp app) : ArticlePageTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ArticlePageTestsOnPostgreSql(PostgreSqlDemoApp app) : ArticlePageTests(app), IClassFixture<PostgreSqlDemoApp>;

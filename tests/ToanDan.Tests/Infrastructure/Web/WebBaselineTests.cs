using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web.Data;

namespace ToanDan.Tests.Infrastructure.Web;

/// <summary>Health, error pages and security headers on every kind of response.</summary>
public abstract class WebBaselineTests(AppFixture app) : AppTests(app)
{
    [Fact]
    public async Task Healthz_ReportsHealthyWhenTheDatabaseAnswers()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnknownPage_IsAVietnamese404Page()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync("/khong-co-trang-nay", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Không tìm thấy trang", document.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/loi/999", HttpStatusCode.NotFound)]
    [InlineData("/loi/200", HttpStatusCode.NotFound)]
    [InlineData("/loi/429", HttpStatusCode.TooManyRequests)]
    public async Task ErrorPage_ByHand_OnlyEchoesErrorStatuses(string url, HttpStatusCode expected)
    {
        using var client = Factory.CreateClient();
        Assert.Equal(expected, (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task UnknownApi_IsAProblemDocument()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync("/api/khong-co", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnhandledException_ShowsFriendlyPageWithTraceIdAndNoStackTrace()
    {
        // A real failure: the database loses a table under a running site.
        var connectionString = await App.Target.CreateAsync(TestData.Empty);
        try
        {
            await using var broken = new ToanDanFactory(App.Target, connectionString);
            using var client = broken.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
            await using (var scope = broken.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
                await db.Database.ExecuteSqlRawAsync("DROP TABLE administrative_units", TestContext.Current.CancellationToken);

                // Raw SQL bypasses the portal cache's eviction: without this the page rendered before would still be served.
                await scope.ServiceProvider.GetRequiredService<ToanDan.Web.Features.Portal.Caching.PortalCache>().EvictAsync(TestContext.Current.CancellationToken);
            }

            var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Đã có lỗi xảy ra", html, StringComparison.Ordinal);
            Assert.Contains("Mã tra cứu lỗi", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain("administrative_units", html, StringComparison.Ordinal);
            AssertSecurityHeaders(response);
        }
        finally
        {
            await App.Target.DropAsync(connectionString);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/css/site.css")]
    [InlineData("/api/units?parent=291&asOf=2021-07-01")]
    [InlineData("/api/units/abc")]
    [InlineData("/healthz")]
    public async Task EveryResponse_CarriesSecurityHeaders(string url)
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task HomePage_IsReadableVietnameseWithTheDemoBanner()
    {
        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("Toàn dân bảo vệ an ninh Tổ quốc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu minh họa", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip, deflate, br")]
    [InlineData("identity")]
    public async Task Stylesheet_IsServedWhateverTheBrowserAccepts(string encoding)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 100);
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglishAndBack()
    {
        using var client = Factory.CreateClient();
        var english = await client.GetStringAsync("/ngon-ngu?lang=en&returnUrl=%2Fdang-nhap", TestContext.Current.CancellationToken);
        var document = new HtmlParser().ParseDocument(english);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", document.QuerySelector("h1")?.TextContent);
        var vietnamese = await client.GetStringAsync("/ngon-ngu?lang=vi&returnUrl=%2Fdang-nhap", TestContext.Current.CancellationToken);
        Assert.Equal("Đăng nhập", new HtmlParser().ParseDocument(vietnamese).QuerySelector("h1")?.TextContent);

        // A return address on another site is not followed.
        using var noRedirect = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await noRedirect.GetAsync("/ngon-ngu?lang=en&returnUrl=https%3A%2F%2Fevil.example", TestContext.Current.CancellationToken);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
    }
}

public sealed class WebBaselineTestsOnSqlite(SqliteDemoApp app) : WebBaselineTests(app), IClassFixture<SqliteDemoApp>;

public sealed class WebBaselineTestsOnPostgreSql(PostgreSqlDemoApp app) : WebBaselineTests(app), IClassFixture<PostgreSqlDemoApp>;

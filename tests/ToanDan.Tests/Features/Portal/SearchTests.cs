using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Features.News;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.News.Data;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.Portal;

/// <summary>
/// Public search at /tim-kiem (issue 4, item 3): without diacritics (đ → d too), ranked (title before body), terms
/// marked, paginated, published articles only (scheduled ones from their time), query syntax and markup harmless —
/// on SQLite (FTS5) and PostgreSQL (tsvector + GIN).
/// </summary>
public abstract class SearchTests(AppFixture app) : AppTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => Factory.CreateClient();

    private static string Url(string query, int? page = null) => "/tim-kiem?q=" + Uri.EscapeDataString(query) + (page is { } p ? $"&trang={p}" : "");

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) => Html.Texts(page, ".search-results > li > a");

    /// <summary>Writes an article of the portal (unit 291) straight through the entity: draft, or published at the fake clock's time.</summary>
    private async Task<Guid> ArticleAsync(string title, string body = "Nội dung.", string lead = "", bool publish = true, string unit = NamSachDemo.DistrictCode)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var article = Article.Create(unit, new ArticleContent(title, lead, body, null, null, null, []), "kt-" + Guid.NewGuid().ToString("N")[..12], now).Value;
        if (publish)
        {
            Assert.Null(article.Submit(now) ?? article.Approve(now) ?? article.Publish(now));
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);
        return article.Id;
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheSeedArticle_WithItsWordsMarked()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, Url("toan dan bao ve"));
        Assert.Equal(NamSachNewsDemo.SeedTitle, Titles(page)[0]);
        var marks = Html.Texts(page.QuerySelector(".search-results > li")!, "a mark");
        Assert.Equal(["Toàn", "dân", "bảo", "vệ"], marks);
        Assert.NotEmpty(page.QuerySelectorAll(".search-results > li p mark"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("TOÀN DÂN BẢO VỆ")]
    [InlineData("Toàn dân bảo vệ")]
    [InlineData("toàn DAN bao VỆ")]
    public async Task Search_IgnoresCaseAndDiacritics(string query)
    {
        using var client = Client();
        Assert.Contains(NamSachNewsDemo.SeedTitle, Titles(await Html.GetAsync(client, Url(query))));
    }

    [Fact]
    public async Task Search_FoldsDStrokeToD()
    {
        using var client = Client();

        // "Tân binh Đồng Tố Toàn…": "dong" must find "Đồng"; the seed's author DƯƠNG HÒA is found by "duong hoa".
        Assert.Contains("Tân binh Đồng Tố Toàn với mong muốn đem tiếng hát chèo đến với đông đảo cán bộ chiến sĩ", Titles(await Html.GetAsync(client, Url("dong to toan"))));
        Assert.Contains(NamSachNewsDemo.SeedTitle, Titles(await Html.GetAsync(client, Url("duong hoa"))));
    }

    [Fact]
    public async Task Search_RanksATitleMatchAboveABodyMatch()
    {
        await ArticleAsync("Bài có từ khóa ở thân", body: "Trong thân bài có từ xếphạngthử một lần.");
        await ArticleAsync("Xếphạngthử trong tiêu đề", body: "Thân bài không nhắc lại.");
        using var client = Client();
        var titles = Titles(await Html.GetAsync(client, Url("xephangthu")));
        Assert.Equal(["Xếphạngthử trong tiêu đề", "Bài có từ khóa ở thân"], titles);
    }

    [Fact]
    public async Task Search_RequiresEveryTerm()
    {
        await ArticleAsync("Cảnh giác với lừa đảo qua mạng mọithuậtngữ");
        using var client = Client();
        Assert.Single(Titles(await Html.GetAsync(client, Url("moithuatngu lua dao"))));
        var none = await Html.GetAsync(client, Url("moithuatngu khongcotu"));
        Assert.Empty(Titles(none));
        Assert.NotNull(none.QuerySelector(".search-empty"));
    }

    [Fact]
    public async Task Search_Paginates_TenPerPage()
    {
        for (var i = 1; i <= 12; i++)
        {
            await ArticleAsync($"Tin phântrangthử số {i}");
        }

        using var client = Client();
        var first = await Html.GetAsync(client, Url("phantrangthu"));
        Assert.Equal(10, Titles(first).Count);
        Assert.Contains("12", first.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Url("phantrangthu", 2), first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        var second = await Html.GetAsync(client, Url("phantrangthu", 2));
        Assert.Equal(2, Titles(second).Count);
        Assert.Empty(Titles(first).Intersect(Titles(second)));
        Assert.Equal("11", second.QuerySelector("ol.search-results")!.GetAttribute("start"));

        var beyond = await Html.GetAsync(client, Url("phantrangthu", 99));
        Assert.Empty(Titles(beyond));
        Assert.NotNull(beyond.QuerySelector(".search-empty a"));

        foreach (var odd in new[] { "abc", "-1", "0", "99999999999999999999", "1e3" })
        {
            var page = await Html.GetAsync(client, "/tim-kiem?q=phantrangthu&trang=" + Uri.EscapeDataString(odd));
            Assert.Equal(10, Titles(page).Count);
        }
    }

    [Fact]
    public async Task Search_NeutralisesMarkupInArticlesAndQueries()
    {
        await ArticleAsync("<script>alert('xss')</script> Tin xsskiểmthử <img src=x onerror=alert(1)>", lead: "<b onmouseover=alert(2)>sapo</b> xsskiểmthử");
        using var client = Client();
        var response = await client.GetAsync(Url("<script>xsskiemthu</script>"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        Assert.Empty(page.QuerySelectorAll("main script, main img, main b, [onerror], [onmouseover]"));
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.Contains("&lt;<mark>script</mark>&gt;alert(&#x27;xss&#x27;)&lt;/<mark>script</mark>&gt;", body, StringComparison.Ordinal);
        Assert.Single(Titles(page));
        Assert.Equal(["script", "script", "xsskiểmthử"], Html.Texts(page.QuerySelector(".search-results > li > a")!, "mark"));

        // The query comes back in the heading, the title and the search box, encoded.
        const string query = "\"><img src=x onerror=alert(4)><script>alert(5)</script>";
        var echoed = await client.GetAsync(Url(query), Ct);
        var echoedBody = await echoed.Content.ReadAsStringAsync(Ct);
        var echoedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(echoedBody);
        Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
        Assert.Empty(echoedPage.QuerySelectorAll("main script, main img, [onerror]"));
        Assert.Equal(query, echoedPage.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"toan dan")]
    [InlineData("toan*")]
    [InlineData("*")]
    [InlineData("NEAR(toan dan)")]
    [InlineData("toan NEAR dan")]
    [InlineData("-toan")]
    [InlineData("title:toan")]
    [InlineData("search_title:toan OR 1=1")]
    [InlineData("toan AND OR NOT dan")]
    [InlineData("^toan")]
    [InlineData("(toan")]
    [InlineData("toan & | ! dan")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("\\")]
    [InlineData("{}[]<>")]
    [InlineData("😀 toan")]
    [InlineData("\u0000toan")]
    [InlineData("toan\u0301")]
    public async Task Search_WithQuerySyntaxOrOddCharacters_NeverFails(string query)
    {
        using var client = Client();
        var page = await Html.GetAsync(client, Url(query));
        Assert.NotNull(page.QuerySelector("main h1"));
    }

    [Fact]
    public async Task Search_TreatsOperatorsAsWords()
    {
        await ArticleAsync("Near và not trong tiêu đề toántửthử");
        using var client = Client();
        Assert.Single(Titles(await Html.GetAsync(client, Url("NEAR NOT toantuthu"))));
        Assert.Single(Titles(await Html.GetAsync(client, Url("\"toantuthu\"*"))));
    }

    [Fact]
    public async Task Search_WithAVeryLongQuery_IsCutAndAnswers200()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, Url(string.Concat(Enumerable.Repeat("toàn dân ", 2000))));
        Assert.Contains(NamSachNewsDemo.SeedTitle, Titles(page));
        Assert.True(page.QuerySelector("#search-q")!.GetAttribute("value")!.Length <= ArticleSearch.QueryMaxLength);
    }

    [Theory]
    [InlineData("/tim-kiem")]
    [InlineData("/tim-kiem?q=")]
    [InlineData("/tim-kiem?q=%20%20")]
    [InlineData("/tim-kiem?q=%22%2A%3A-")]
    public async Task Search_WithoutTerms_ShowsAFriendlyPage(string url)
    {
        using var client = Client();
        var page = await Html.GetAsync(client, url);
        Assert.Empty(Titles(page));
        Assert.Contains("Hãy nhập từ khóa", page.QuerySelector(".search-empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsOnlyPublishedArticles_ScheduledFromTheirTime_WithdrawnNever()
    {
        var draft = await ArticleAsync("Bản nháp chưaxuấtbản", publish: false);
        var withdrawn = await ArticleAsync("Bài đãgỡbỏ khỏi cổng");
        var otherPortal = await ArticleAsync("Tin của cổng khác cổngkhácthử", unit: "10606");
        Guid scheduled;
        DateTime at;
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var now = Factory.Clock.GetUtcNow().UtcDateTime;
            at = now.AddHours(2);
            var article = Article.Create(NamSachDemo.DistrictCode, new ArticleContent("Tin hẹngiờthử", "", "Nội dung.", null, null, null, []), "hen-gio-thu", now).Value;
            Assert.Null(article.Submit(now) ?? article.Approve(now) ?? article.Schedule(at, now));
            db.Articles.Add(article);
            var gone = await db.Articles.SingleAsync(a => a.Id == withdrawn, Ct);
            Assert.Null(gone.Withdraw("Thử gỡ bài", now));
            await db.SaveChangesAsync(Ct);
            scheduled = article.Id;
        }

        using var client = Client();
        Assert.Empty(Titles(await Html.GetAsync(client, Url("chuaxuatban"))));
        Assert.Empty(Titles(await Html.GetAsync(client, Url("dagobo"))));
        Assert.Empty(Titles(await Html.GetAsync(client, Url("congkhacthu"))));
        Assert.Empty(Titles(await Html.GetAsync(client, Url("hengiothu"))));

        Factory.Clock.SetUtcNow(new DateTimeOffset(at.AddMinutes(1), TimeSpan.Zero));
        Assert.Equal(["Tin hẹngiờthử"], Titles(await Html.GetAsync(client, Url("hengiothu"))));
        Assert.NotEqual(Guid.Empty, draft);
        Assert.NotEqual(Guid.Empty, otherPortal);
        Assert.NotEqual(Guid.Empty, scheduled);
    }

    [Fact]
    public async Task Search_FollowsEditsOfTitleAndBody()
    {
        var id = await ArticleAsync("Tiêu đề cũtừthử", body: "Thân cũ.");
        await using (var scope = Scope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>();
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var version = await db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(Ct);
            var saved = await handler.HandleAsync(NewsTests.As("EditorInChief@291"), new SaveArticle.Command { Id = id, Version = version, Title = "Tiêu đề mớitừthử", Body = "Thân có thânmớithử." }, Ct);
            Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Errors[0].Message);
        }

        using var client = Client();
        Assert.Empty(Titles(await Html.GetAsync(client, Url("cututhu"))));
        Assert.Equal(["Tiêu đề mớitừthử"], Titles(await Html.GetAsync(client, Url("moituthu"))));
        Assert.Equal(["Tiêu đề mớitừthử"], Titles(await Html.GetAsync(client, Url("thanmoithu"))));
    }

    [Fact]
    public async Task Index_IsRebuiltWhenOutOfStep()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            // PostgreSQL's generated column cannot fall out of step.
            return;
        }

        await db.Database.ExecuteSqlRawAsync("DELETE FROM article_search", Ct);
        using var client = Client();
        Assert.Empty(Titles(await Html.GetAsync(client, Url("toan dan bao ve"))));
        await ArticleSearchIndex.EnsureSqliteAsync(db, Ct);
        Assert.Contains(NamSachNewsDemo.SeedTitle, Titles(await Html.GetAsync(client, Url("toan dan bao ve"))));
    }

    [Fact]
    public async Task Migrate_BackfillsArticlesWrittenBeforeTheSearchColumns()
    {
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            await db.Articles.ExecuteUpdateAsync(a => a.SetProperty(x => x.SearchTitle, "").SetProperty(x => x.SearchBody, "").SetProperty(x => x.SearchText, "").SetProperty(x => x.TagSlugs, ""), Ct);
        }

        using var client = Client();
        Assert.Empty(Titles(await Html.GetAsync(client, Url("toan dan bao ve"))));
        await ToanDan.Web.Infrastructure.Data.DatabaseMigrator.MigrateAsync(Factory.Services, Ct);
        Assert.Equal(NamSachNewsDemo.SeedTitle, Titles(await Html.GetAsync(client, Url("toan dan bao ve")))[0]);
        await Html.GetAsync(client, "/the/nhap-ngu");
    }

    [Fact]
    public async Task Header_HasASearchBoxOnEveryPage()
    {
        using var client = Client();
        foreach (var url in new[] { "/", $"/tin-tuc/{NamSachNewsDemo.SeedSlug}", "/lien-he" })
        {
            var form = (await Html.GetAsync(client, url)).QuerySelector("header form[role=search]")!;
            Assert.Equal("/tim-kiem", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.NotNull(form.QuerySelector("input[name=q]"));
        }
    }
}

public sealed class SearchTestsOnSqlite(SqliteDemoApp app) : SearchTests(app), IClassFixture<SqliteDemoApp>;

public sealed class SearchTestsOnPostgreSql(PostgreSqlDemoApp app) : SearchTests(app), IClassFixture<PostgreSqlDemoApp>;

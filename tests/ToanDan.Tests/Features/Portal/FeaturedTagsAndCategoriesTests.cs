using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.Portal;

/// <summary>
/// Featured news and news by category on the home page, public tag pages linked from articles, and the newsroom's
/// categories page (create, rename with a stable slug, reorder, hide; news.publish only; audited).
/// </summary>
public abstract class FeaturedTagsAndCategoriesTests(AppFixture app) : AppTests(app)
{
    private const string Chief = "EditorInChief@291";
    private const string Editor = "PortalEditor@291";
    private const string Categories = "/staff/news/categories";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string? user = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        return user is null ? client : client.As(user);
    }

    private async Task<Guid> ArticleIdAsync(string slug)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync(Ct);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, params (string Name, string Value)[] values)
    {
        var page = await Html.GetAsync(client, pageUrl);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Html.Token(page)) };
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return await Html.PostAsync(client, action, fields);
    }

    [Fact]
    public async Task Feature_ByTheEditorInChief_PutsTheArticleAtTheTopOfTheHomePage_AndIsAudited()
    {
        var slug = NamSachNewsDemo.OtherNews[^1].Slug;
        var id = await ArticleIdAsync(slug);
        using var chief = Client(Chief);
        using var anonymous = Client();
        Assert.Null((await Html.GetAsync(anonymous, "/")).QuerySelector("section.featured"));

        var response = await PostFormAsync(chief, $"/staff/news/{id}/publish", $"/staff/news/{id}/publish?handler=Feature", ("featured", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await Html.GetAsync(anonymous, "/");
        Assert.Equal([NamSachNewsDemo.OtherNews[^1].Title], Html.Texts(home, "section.featured .article-list > li > a"));
        Assert.Contains("Bài đang là tin nổi bật", (await Html.GetAsync(chief, $"/staff/news/{id}/publish")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "news.feature", Ct));
        }

        response = await PostFormAsync(chief, $"/staff/news/{id}/publish", $"/staff/news/{id}/publish?handler=Feature", ("featured", "false"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await Html.GetAsync(anonymous, "/")).QuerySelector("section.featured"));
    }

    [Fact]
    public async Task Feature_ByAnEditor_IsForbidden()
    {
        var id = await ArticleIdAsync(NamSachNewsDemo.SeedSlug);
        using var editor = Client(Editor);
        var page = await Html.GetAsync(editor, $"/staff/news/{id}");
        var response = await Html.PostAsync(editor, $"/staff/news/{id}/publish?handler=Feature", [new("__RequestVerificationToken", Html.Token(page)), new("featured", "true")]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Home_ShowsTheLatestOfEachCategory()
    {
        using var anonymous = Client();
        var home = await Html.GetAsync(anonymous, "/");
        var blocks = home.QuerySelectorAll("section.by-category section.category-block").ToList();
        Assert.Equal(["Tin tức – Sự kiện", "An ninh trật tự"], blocks.Select(b => b.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Equal("/chuyen-muc/tin-tuc-su-kien", blocks[0].QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal("LĐLĐ huyện tặng quà động viên 2 công nhân lên đường nhập ngũ", blocks[0].QuerySelector(".article-list > li > a")!.TextContent);
        Assert.All(blocks, b => Assert.InRange(b.QuerySelectorAll(".article-list > li").Length, 1, 5));
    }

    [Fact]
    public async Task Article_LinksItsTags_AndTheTagPageListsThePublishedArticlesWithIt()
    {
        using var anonymous = Client();
        var article = await Html.GetAsync(anonymous, $"/tin-tuc/{NamSachNewsDemo.SeedSlug}");
        var tags = article.QuerySelectorAll(".article-tags a[rel=tag]").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Nam Sách", "/the/nam-sach"), tags);

        var page = await Html.GetAsync(anonymous, "/the/nhap-ngu");
        Assert.Equal("Thẻ: nhập ngũ", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(4, page.QuerySelectorAll(".article-list > li").Length);
        var cachLy = await Html.GetAsync(anonymous, "/the/cach-ly");
        Assert.Equal(
            ["Một trường hợp bị xử phạt 17,5 triệu đồng về hành vi trốn khỏi khu vực cách ly y tế", "Tăng cường công tác quản lý và thực hiện nghiêm các quy định tại khu cách ly y tế tập trung"],
            Html.Texts(cachLy, ".article-list > li > a"));
    }

    [Theory]
    [InlineData("/the/khong-co-the-nay")]
    [InlineData("/the/nhap-ngu?trang=0")]
    [InlineData("/the/nhap-ngu?trang=2")]
    [InlineData("/the/%7C")]
    public async Task TagPage_UnknownTagOrPage_Is404(string url)
    {
        using var anonymous = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task Categories_CreateRenameReorderHide_KeepSlugs_AndAreAudited()
    {
        using var chief = Client(Chief);
        using var anonymous = Client();

        var created = await PostFormAsync(chief, Categories, $"{Categories}?handler=Create&unit=291", ("NewName", "Gương người tốt"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await Html.GetAsync(chief, Categories);
        var row = page.QuerySelectorAll("table.categories-table tbody tr").Single(r => r.TextContent.Contains("/chuyen-muc/guong-nguoi-tot", StringComparison.Ordinal));
        var id = row.GetAttribute("data-id")!;

        // Duplicate names are refused with a message, nothing added.
        var duplicate = await PostFormAsync(chief, Categories, $"{Categories}?handler=Create&unit=291", ("NewName", "gương người tốt"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("đã có chuyên mục", (await Html.ParseAsync(duplicate)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);

        // Rename: the slug stays, the page shows the new name.
        var version = row.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var renamed = await PostFormAsync(chief, Categories, $"{Categories}?handler=Rename&unit=291&id={id}", ("name", "Gương sáng <b>vì</b> bình yên"), ("version", version));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var stale = await PostFormAsync(chief, Categories, $"{Categories}?handler=Rename&unit=291&id={id}", ("name", "Tên khác"), ("version", version));
        Assert.Contains("người khác sửa", (await Html.ParseAsync(stale)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);

        // Empty categories are not on the home page; the category page answers under the old slug with the new name.
        var category = await Html.GetAsync(anonymous, "/chuyen-muc/guong-nguoi-tot");
        Assert.Equal("Gương sáng <b>vì</b> bình yên", category.QuerySelector("main h1")!.TextContent);

        // Move the new (last) category up: it becomes second.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(chief, Categories, $"{Categories}?handler=Move&unit=291&id={id}", ("direction", "Up"))).StatusCode);
        var order = (await Html.GetAsync(chief, Categories)).QuerySelectorAll("table.categories-table tbody tr").Select(r => r.GetAttribute("data-id")).ToList();
        Assert.Equal(id, order[1]);
        Assert.Equal(3, order.Count);

        // Hide "An ninh trật tự": gone from the home page and its page and feed answer 404; its articles stay public.
        var security = (await Html.GetAsync(chief, Categories)).QuerySelectorAll("table.categories-table tbody tr")
            .Single(r => r.TextContent.Contains("/chuyen-muc/an-ninh-trat-tu", StringComparison.Ordinal)).GetAttribute("data-id");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(chief, Categories, $"{Categories}?handler=Hide&unit=291&id={security}", ("hidden", "true"))).StatusCode);
        try
        {
            var home = await Html.GetAsync(anonymous, "/");
            Assert.DoesNotContain("/chuyen-muc/an-ninh-trat-tu", home.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/chuyen-muc/an-ninh-trat-tu", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/rss/an-ninh-trat-tu.xml", Ct)).StatusCode);
            await Html.GetAsync(anonymous, $"/tin-tuc/{NamSachNewsDemo.SeedSlug}");
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(chief, Categories, $"{Categories}?handler=Hide&unit=291&id={security}", ("hidden", "false"))).StatusCode);
        }

        await Html.GetAsync(anonymous, "/chuyen-muc/an-ninh-trat-tu");
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var actions = await db.AuditEntries.Where(e => e.EntityType == "Category" && e.EntityId == id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains("create", actions);
        Assert.True(actions.Count >= 3, string.Join(", ", actions));
    }

    [Fact]
    public async Task Categories_ForAnEditor_AreForbidden_AndAnotherUnitIsNotFound()
    {
        using var editor = Client(Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Categories, Ct)).StatusCode);
        using var chief = Client("EditorInChief@10639");
        Assert.Equal(HttpStatusCode.NotFound, (await chief.GetAsync(Categories + "?unit=291", Ct)).StatusCode);
        var page = await Html.GetAsync(chief, Categories);
        Assert.Contains("chưa có chuyên mục", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class FeaturedTagsAndCategoriesTestsOnSqlite(SqliteDemoApp app) : FeaturedTagsAndCategoriesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class FeaturedTagsAndCategoriesTestsOnPostgreSql(PostgreSqlDemoApp app) : FeaturedTagsAndCategoriesTests(app), IClassFixture<PostgreSqlDemoApp>;

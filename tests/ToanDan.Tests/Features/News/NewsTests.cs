using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Demo;
using ToanDan.Web.Infrastructure.Time;
using Step = ToanDan.Web.Features.News.Staff.ChangeArticleStatus.Step;

namespace ToanDan.Tests.Features.News;

/// <summary>The newsroom slices and pages against the demo database: workflow by role, slugs, scheduling, revisions, scope, XSS, demo data.</summary>
public abstract class NewsTests(AppFixture app) : AppTests(app)
{
    private const string Editor = "PortalEditor@291";
    private const string Chief = "EditorInChief@291";
    private const string OtherEditor = "PortalEditor@10639";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static ClaimsPrincipal As(string assignments) => new(new ClaimsIdentity(
        assignments.Split(',').Select(a => new Claim(StaffClaims.RoleAssignment, a)).Append(new Claim(StaffClaims.TwoFactor, "1")).Append(new Claim(ClaimTypes.Name, "kiem-thu")),
        "Test"));

    private async Task<Result<SaveArticle.Saved>> SaveAsync(string user, SaveArticle.Command command)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>().HandleAsync(As(user), command, Ct);
    }

    private async Task<Result<ArticleStatus>> StepAsync(string user, Guid id, Step step, DateTime? at = null, string? reason = null)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ChangeArticleStatus.Handler>().HandleAsync(As(user), new(id, step, at, reason), Ct);
    }

    private async Task<Guid> DraftAsync(string title, string body = "Nội dung.", string? tags = null, string unit = "291")
    {
        var saved = await SaveAsync(unit == "291" ? Editor : $"PortalEditor@{unit}", new SaveArticle.Command { UnitCode = unit, Title = title, Body = body, Tags = tags });
        Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Errors[0].Message);
        return saved.Value.Id;
    }

    private async Task<Guid> ApprovedAsync(string title, string? tags = null)
    {
        var id = await DraftAsync(title, tags: tags);
        Assert.True((await StepAsync(Editor, id, Step.Submit)).IsSuccess);
        Assert.True((await StepAsync(Chief, id, Step.Approve)).IsSuccess);
        return id;
    }

    private HttpClient Client(string user) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).As(user);

    [Fact]
    public async Task Workflow_EditorSubmits_ChiefApprovesAndPublishes_EditorIsForbiddenToPublish()
    {
        var id = await DraftAsync("Quy trình duyệt bài");
        Assert.Equal(ArticleStatus.Submitted, (await StepAsync(Editor, id, Step.Submit)).Value);
        Assert.Equal(ErrorCodes.Forbidden, (await StepAsync(Editor, id, Step.Approve)).Errors[0].Code);
        Assert.Equal(ArticleStatus.Approved, (await StepAsync(Chief, id, Step.Approve)).Value);
        foreach (var step in new[] { Step.Publish, Step.Schedule, Step.Withdraw })
        {
            Assert.Equal(ErrorCodes.Forbidden, (await StepAsync(Editor, id, step, DateTime.Now.AddDays(1), "x")).Errors[0].Code);
        }

        Assert.Equal(ErrorCodes.Conflict, (await StepAsync(Chief, id, Step.Submit)).Errors[0].Code);
        Assert.Equal(ArticleStatus.Published, (await StepAsync("SystemAdministrator@291", id, Step.Publish)).Value);
        Assert.Equal(ErrorCodes.Validation, (await StepAsync(Chief, id, Step.Withdraw, reason: " ")).Errors[0].Code);
        Assert.Equal(ArticleStatus.Withdrawn, (await StepAsync(Chief, id, Step.Withdraw, reason: "Đăng nhầm")).Value);

        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var actions = await db.AuditEntries.Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("news.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["news.submit", "news.approve", "news.publish", "news.withdraw"], actions);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "create" && e.Module == "News", Ct));
    }

    [Fact]
    public async Task Workflow_RolesWithoutNewsPermissions_AndOtherUnits_DoNotFindTheArticle()
    {
        var id = await DraftAsync("Bài của huyện");
        Assert.Equal(ErrorCodes.NotFound, (await StepAsync("Leader@291", id, Step.Submit)).Errors[0].Code);
        Assert.Equal(ErrorCodes.NotFound, (await StepAsync(OtherEditor, id, Step.Submit)).Errors[0].Code);
        Assert.Equal(ErrorCodes.NotFound, (await StepAsync("EditorInChief@10639", id, Step.Submit)).Errors[0].Code);
        Assert.Equal(ErrorCodes.NotFound, (await SaveAsync(OtherEditor, new SaveArticle.Command { Id = id, Version = 1, Title = "Sửa trộm" })).Errors[0].Code);
        await using var scope = Scope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>().GetAsync(As(OtherEditor), id, Ct)).IsSuccess);
        var rows = await scope.ServiceProvider.GetRequiredService<ListArticles.Handler>().HandleAsync(As(OtherEditor), new(null, null, null), Ct);
        Assert.DoesNotContain(rows, r => r.Id == id);
    }

    [Fact]
    public async Task Pages_EditorGets403OnPublish_AndOtherUnitGets404()
    {
        var id = await ApprovedAsync("Bài chờ xuất bản qua trang");
        using var editor = Client(Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/staff/news/{id}/publish", Ct)).StatusCode);
        var page = await Html.GetAsync(editor, $"/staff/news/{id}");
        using var post = new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(page))]);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/staff/news/{id}/publish?step=Publish", post, Ct)).StatusCode);

        using var other = Client(OtherEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/news/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/news/{id}/history", Ct)).StatusCode);

        using var chief = Client(Chief);
        var publish = await Html.GetAsync(chief, $"/staff/news/{id}/publish");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(publish))]);
        var response = await chief.PostAsync($"/staff/news/{id}/publish?step=Publish", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edit = await Html.GetAsync(chief, $"/staff/news/{id}");
        Assert.Equal("Published", edit.QuerySelector("dd[data-status]")?.GetAttribute("data-status"));

        // Without the antiforgery token the step is refused.
        using var bare = new FormUrlEncodedContent([]);
        Assert.Equal(HttpStatusCode.BadRequest, (await chief.PostAsync($"/staff/news/{id}/publish?step=Withdraw", bare, Ct)).StatusCode);
    }

    [Fact]
    public async Task Pages_EditorCreatesAndSubmitsThroughTheForms()
    {
        using var editor = Client(Editor);
        var page = await Html.GetAsync(editor, "/staff/news/new");
        var fields = Html.Fields(page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name='Input.Title']") is not null));
        fields.Set("Input.Title", "Tin tạo qua biểu mẫu");
        fields.Set("Input.Body", "Đoạn **một**.");
        fields.Set("Input.Figures[0].Caption", "Chú thích");
        fields.Set("Input.Figures[0].Alt", "Mô tả");
        using var content = new FormUrlEncodedContent(fields);
        using var response = await editor.PostAsync("/staff/news/new", content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        var edit = await Html.GetAsync(editor, url);
        Assert.Equal("tin-tao-qua-bieu-mau", edit.QuerySelector("#Input_Slug")?.GetAttribute("value"));
        Assert.Equal("Mô tả", edit.QuerySelector(".article-preview .figure-placeholder")?.TextContent);
        var submit = edit.QuerySelector("form[action*='handler=Submit']")!;
        using var submitContent = new FormUrlEncodedContent(Html.Fields(submit));
        using var submitted = await editor.PostAsync(submit.GetAttribute("action"), submitContent, Ct);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var after = await Html.GetAsync(editor, url);
        Assert.Equal("Submitted", after.QuerySelector("dd[data-status]")?.GetAttribute("data-status"));
        Assert.Null(after.QuerySelector("form textarea[name='Input.Body']"));
        Assert.Null(after.QuerySelector("a[href$='/publish']"));
    }

    [Fact]
    public async Task Xss_PayloadsInEveryField_AreNeutralisedInTheRenderedPage()
    {
        var payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var saved = await SaveAsync(Editor, new SaveArticle.Command
        {
            UnitCode = "291",
            Title = "XSS " + payload,
            Lead = payload,
            Body = string.Join("\n\n", ArticleHtmlTests.Payloads),
            Author = payload,
            Tags = "<svg onload=alert(1)>, an toàn",
            Figures = [new FigureInput { Caption = payload, Alt = "\" onerror=\"alert(1)", ImageUrl = "javascript:alert(1)" }],
        });
        Assert.False(saved.IsSuccess); // a javascript: image is refused outright
        saved = await SaveAsync(Editor, new SaveArticle.Command
        {
            UnitCode = "291",
            Title = "XSS " + payload,
            Lead = payload,
            Body = string.Join("\n\n", ArticleHtmlTests.Payloads),
            Author = payload,
            Tags = "<svg onload=alert(1)>, an toàn",
            Figures = [new FigureInput { Caption = payload, Alt = "\" onerror=\"alert(1)", ImageUrl = "https://example.vn/a.jpg?\"onerror=\"alert(1)" }],
        });
        Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Errors[0].Message);
        Assert.StartsWith("xss-script-alert-x-script", saved.Value.Slug, StringComparison.Ordinal);

        using var chief = Client(Chief);
        var page = await Html.GetAsync(chief, $"/staff/news/{saved.Value.Id}");
        var article = page.QuerySelector(".article-preview")!;
        ArticleHtmlTests.AssertHarmless(article);
        Assert.Empty(page.QuerySelectorAll("main script, body script:not([src])"));
        Assert.Contains(payload, article.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(payload, article.QuerySelector(".author")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<svg onload=alert(1)>", article.QuerySelectorAll(".tags li").Select(l => l.TextContent));
        Assert.Equal("\" onerror=\"alert(1)", article.QuerySelector("figure img")?.GetAttribute("alt"));

        await using var scope = Scope();
        var published = scope.ServiceProvider.GetRequiredService<ArticleHtml>();
        var html = published.Render(string.Join("\n\n", ArticleHtmlTests.Payloads));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Slug_IsMadeFromTheTitle_DeduplicatedAndItsHistoryRedirects()
    {
        var first = await DraftAsync("Tổ an ninh xã Nam Hồng ra quân");
        var second = await DraftAsync("Tổ an ninh xã Nam Hồng ra quân!");
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            Assert.Equal("to-an-ninh-xa-nam-hong-ra-quan", await db.Articles.Where(a => a.Id == first).Select(a => a.Slug).SingleAsync(Ct));
            Assert.Equal("to-an-ninh-xa-nam-hong-ra-quan-2", await db.Articles.Where(a => a.Id == second).Select(a => a.Slug).SingleAsync(Ct));
        }

        // A slug typed by hand that another article holds is refused.
        var clash = await SaveAsync(Editor, new SaveArticle.Command { Id = second, Version = 1, Title = "Khác", Slug = "to-an-ninh-xa-nam-hong-ra-quan" });
        Assert.Equal(nameof(SaveArticle.Command.Slug), Assert.Single(clash.Errors).Field);

        var renamed = await SaveAsync(Editor, new SaveArticle.Command { Id = first, Version = 1, Title = "Tổ an ninh xã Nam Hồng ra quân đầu năm", Slug = "" });
        Assert.Equal("to-an-ninh-xa-nam-hong-ra-quan-dau-nam", renamed.Value.Slug);
        Assert.True((await StepAsync(Editor, first, Step.Submit)).IsSuccess);
        Assert.True((await StepAsync(Chief, first, Step.Approve)).IsSuccess);
        Assert.True((await StepAsync(Chief, first, Step.Publish)).IsSuccess);

        await using var read = Scope();
        var articles = read.ServiceProvider.GetRequiredService<PublishedArticles>();
        var byOld = await articles.GetBySlugAsync("291", "to-an-ninh-xa-nam-hong-ra-quan", Ct);
        Assert.NotNull(byOld);
        Assert.True(byOld.FoundByFormerSlug);
        Assert.Equal("to-an-ninh-xa-nam-hong-ra-quan-dau-nam", byOld.Slug);
        var byNew = await articles.GetBySlugAsync("291", "to-an-ninh-xa-nam-hong-ra-quan-dau-nam", Ct);
        Assert.False(byNew!.FoundByFormerSlug);
        Assert.Null(await articles.GetBySlugAsync("10639", "to-an-ninh-xa-nam-hong-ra-quan-dau-nam", Ct));

        // The former slug stays reserved: a new article with the same title gets another one.
        var third = await SaveAsync(Editor, new SaveArticle.Command { UnitCode = "291", Title = "Tổ an ninh xã Nam Hồng ra quân" });
        Assert.Equal("to-an-ninh-xa-nam-hong-ra-quan-3", third.Value.Slug);
    }

    [Fact]
    public async Task Scheduled_BecomesPublishedWhenTheClockPassesItsTime()
    {
        var id = await ApprovedAsync("Bài hẹn giờ xuất bản", tags: "hẹn giờ");
        var now = VietnamTime.ToVietnam(Factory.Clock.GetUtcNow()).DateTime;
        Assert.Equal(ErrorCodes.Validation, (await StepAsync(Chief, id, Step.Schedule, now.AddMinutes(-5))).Errors[0].Code);
        Assert.Equal(ArticleStatus.Scheduled, (await StepAsync(Chief, id, Step.Schedule, now.AddHours(3))).Value);
        string slug;
        await using (var scope = Scope())
        {
            var articles = scope.ServiceProvider.GetRequiredService<PublishedArticles>();
            slug = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(Ct);
            Assert.Null(await articles.GetBySlugAsync("291", slug, Ct));
            Assert.DoesNotContain((await articles.ListAsync("291", null, 1, Ct)).Items, a => a.Id == id);
        }

        Factory.Clock.Advance(TimeSpan.FromHours(3));
        await using (var scope = Scope())
        {
            var articles = scope.ServiceProvider.GetRequiredService<PublishedArticles>();
            var found = await articles.GetBySlugAsync("291", slug, Ct);
            Assert.NotNull(found);
            Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime, found.PublishedAtUtc, TimeSpan.FromSeconds(1));
            Assert.Equal(id, (await articles.ListAsync("291", null, 1, Ct)).Items[0].Id);
        }
    }

    [Fact]
    public async Task Revisions_EverySaveIsKept_DiffShowsChanges_RestoreMakesANewRevision()
    {
        var id = await DraftAsync("Bài có nhiều phiên bản", body: "Dòng một.\n\nDòng hai.");
        var edited = await SaveAsync(Editor, new SaveArticle.Command { Id = id, Version = 1, Title = "Bài có nhiều phiên bản", Body = "Dòng một.\n\nDòng hai đã sửa." });
        Assert.Equal(2, edited.Value.Revision);
        Assert.Equal(ErrorCodes.Conflict, (await SaveAsync(Editor, new SaveArticle.Command { Id = id, Version = 1, Title = "Cũ" })).Errors[0].Code);

        await using var scope = Scope();
        var history = scope.ServiceProvider.GetRequiredService<ArticleHistory.Handler>();
        var diff = (await history.DiffAsync(As(Editor), id, 1, 2, Ct)).Value;
        Assert.Contains(diff, l => l.Kind == ArticleHistory.LineKind.Deleted && l.Text == "Dòng hai.");
        Assert.Contains(diff, l => l.Kind == ArticleHistory.LineKind.Inserted && l.Text == "Dòng hai đã sửa.");
        Assert.Contains(diff, l => l.Kind == ArticleHistory.LineKind.Same && l.Text == "Dòng một.");

        Assert.Equal(3, (await history.RestoreAsync(As(Editor), id, 1, Ct)).Value);
        Assert.False((await history.RestoreAsync(As(OtherEditor), id, 1, Ct)).IsSuccess);
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        Assert.Equal("Dòng một.\n\nDòng hai.", await db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync(Ct));
        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync(Ct);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal("Khôi phục từ bản 1", revisions[2].Note);

        using var client = Client(Editor);
        var page = await Html.GetAsync(client, $"/staff/news/{id}/history?from=2&to=3");
        Assert.Equal("Dòng hai đã sửa.", page.QuerySelector("pre.diff del")?.TextContent);
        Assert.Equal("Dòng hai.", page.QuerySelector("pre.diff ins")?.TextContent);
    }

    [Fact]
    public async Task List_FiltersByStatusCategoryAndTextWithoutDiacritics()
    {
        await DraftAsync("Tuần tra đêm ở xã Thanh Quang");
        await using var scope = Scope();
        var list = scope.ServiceProvider.GetRequiredService<ListArticles.Handler>();
        var rows = await list.HandleAsync(As(Editor), new(null, null, "thanh quang tuan tra dem"), Ct);
        Assert.Equal("Tuần tra đêm ở xã Thanh Quang", Assert.Single(rows).Title);
        Assert.Empty(await list.HandleAsync(As(Editor), new(ArticleStatus.Published, null, "tuan tra dem thanh quang"), Ct));
        Assert.Empty(await list.HandleAsync(As(Editor), new(null, null, "tuan tra ngay thanh quang"), Ct));
        var published = await list.HandleAsync(As(Editor), new(ArticleStatus.Published, null, "nam sach"), Ct);
        Assert.Contains(published, r => r.Title == NamSachNewsDemo.SeedTitle);
        var category = (await list.CategoriesAsync(As(Editor), Ct)).Single(c => c.Name == "Tin tức – Sự kiện").Id;
        var events = await list.HandleAsync(As(Editor), new(null, category, null), Ct);
        Assert.Equal(4, events.Count);
        Assert.All(events, r => Assert.Equal("Tin tức – Sự kiện", r.CategoryName));
    }

    [Fact]
    public async Task Demo_HasTheSeedArticle_AndItsTenOtherNewsInOrder()
    {
        await using var scope = Scope();
        var articles = scope.ServiceProvider.GetRequiredService<PublishedArticles>();
        var seed = await articles.GetBySlugAsync("291", NamSachNewsDemo.SeedSlug, Ct);
        Assert.NotNull(seed);
        Assert.Equal("Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách", seed.Title);
        Assert.Equal("DƯƠNG HÒA", seed.Author);
        Assert.Equal("19/08/2021", VietnamTime.ToVietnam(seed.CreatedAtUtc).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("19/08/2021", VietnamTime.ToVietnam(seed.PublishedAtUtc).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("An ninh trật tự", seed.CategoryName);
        Assert.StartsWith("<p>Trong những năm qua, phong trào Toàn dân bảo vệ an ninh Tổ quốc ở huyện Nam Sách", seed.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("xây dựng quê hương Nam Sách ngày càng bình yên, giàu đẹp trong thời kỳ hội nhập và phát triển.</p>", seed.BodyHtml, StringComparison.Ordinal);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + seed.BodyHtml + "</body>");
        Assert.Equal(7, document.QuerySelectorAll("body > p").Length);
        Assert.Equal(
            ["Các tập thể, cá nhân tiêu biểu được Giám đốc Công an tỉnh tặng giấy khen năm 2020 (ảnh tư liệu)", "Lực lượng công an có vai trò quan trọng trong công tác phòng chống dịch Covid 19"],
            document.QuerySelectorAll("figcaption").Select(f => f.TextContent));
        Assert.All(document.QuerySelectorAll("figure .figure-placeholder"), p => Assert.False(string.IsNullOrWhiteSpace(p.TextContent)));

        // Other tests of this class publish articles "now" (2026); the demo's own items are those before 2025.
        var others = (await articles.OtherNewsAsync(seed.Id, 100, Ct)).Where(o => o.PublishedAtUtc.Year < 2025).ToList();
        Assert.Equal(
        [
            "Thanh niên đi tù vì tàng trữ trái phép chất ma túy (23/02/2024)",
            "LĐLĐ huyện tặng quà động viên 2 công nhân lên đường nhập ngũ (23/02/2024)",
            "Xã Nam Tân động viên thanh niên lên đường nhập ngũ (23/02/2024)",
            "Thanh niên Hợp Tiến phát huy truyền thống cách mạng sẵn sàng lên đường bảo vệ Tổ quốc (23/02/2024)",
            "Tân binh Đồng Tố Toàn với mong muốn đem tiếng hát chèo đến với đông đảo cán bộ chiến sĩ (23/02/2024)",
            "Tòa án nhân dân huyện Nam Sách xét xử 02 vụ án hình sự trong điều kiện phòng chống dịch (17/08/2021)",
            "Tăng cường xử phạt các hành vi vi phạm phòng chống dịch Covid trên địa bàn huyện (14/08/2021)",
            "Phạt Công ty TNHH May mặc Quốc tế Phú Nguyên 30 triệu đồng do vi phạm quy định về phòng chống dịch (12/08/2021)",
            "Một trường hợp bị xử phạt 17,5 triệu đồng về hành vi trốn khỏi khu vực cách ly y tế (05/08/2021)",
            "Tăng cường công tác quản lý và thực hiện nghiêm các quy định tại khu cách ly y tế tập trung (03/08/2021)",
        ],
            others.Select(o => $"{o.Title} ({VietnamTime.ToVietnam(o.PublishedAtUtc).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)})"));
        var other = await articles.GetBySlugAsync("291", others[0].Slug, Ct);
        Assert.StartsWith("<p><em>Nội dung minh họa.</em>", other!.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_ChosenFirst_ThenSharedTagsAndCategory()
    {
        var a = await ApprovedAsync("Bài gốc về tuần tra", tags: "tuần tra, ban đêm");
        var b = await ApprovedAsync("Bài cùng hai thẻ", tags: "tuần tra; ban đêm");
        var c = await ApprovedAsync("Bài cùng một thẻ", tags: "tuần tra");
        await ApprovedAsync("Bài không liên quan", tags: "khác");
        foreach (var id in new[] { a, b, c })
        {
            Assert.True((await StepAsync(Chief, id, Step.Publish)).IsSuccess);
        }

        Guid seedId;
        int version;
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            seedId = await db.Articles.Where(x => x.Slug == NamSachNewsDemo.SeedSlug).Select(x => x.Id).SingleAsync(Ct);
            version = await db.Articles.Where(x => x.Id == a).Select(x => x.Version).SingleAsync(Ct);
        }

        var current = await SaveAsync(Chief, new SaveArticle.Command { Id = a, Version = version, Title = "Bài gốc về tuần tra", Tags = "tuần tra, ban đêm", RelatedIds = [seedId] });
        Assert.True(current.IsSuccess, current.IsSuccess ? "" : current.Errors[0].Message);
        await using var read = Scope();
        var related = await read.ServiceProvider.GetRequiredService<PublishedArticles>().RelatedAsync(a, 3, Ct);
        Assert.Equal([seedId, b, c], related.Select(r => r.Id));
    }
}

public sealed class NewsTestsOnSqlite(SqliteDemoApp app) : NewsTests(app), IClassFixture<SqliteDemoApp>;

public sealed class NewsTestsOnPostgreSql(PostgreSqlDemoApp app) : NewsTests(app), IClassFixture<PostgreSqlDemoApp>;

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Features.News;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.Portal.Caching;
using ToanDan.Web.Infrastructure.Demo;
using Step = ToanDan.Web.Features.News.Staff.ChangeArticleStatus.Step;

namespace ToanDan.Tests.Features.Portal;

/// <summary>
/// HTTP caching of the portal: output cache for anonymous requests evicted by every public change and at the next
/// scheduled publication, ETag/304, Brotli and gzip (HTTPS only for public pages), no-store on staff pages, and
/// fingerprinted static files cached as immutable.
/// </summary>
public abstract class PortalCachingTests(AppFixture app) : AppTests(app)
{
    private const string Editor = "PortalEditor@291";
    private const string Chief = "EditorInChief@291";
    private static readonly string SeedUrl = "/tin-tuc/" + NamSachNewsDemo.SeedSlug;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Anonymous() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url, Action<HttpRequestMessage>? configure = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await (client ?? Anonymous()).SendAsync(request, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>True when the response came from the output cache (it then carries an Age header).</summary>
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<Guid> PublishedAsync(string title, DateTime? at = null)
    {
        await using var scope = Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>();
        var saved = await save.HandleAsync(NewsTests.As(Editor), new SaveArticle.Command { UnitCode = "291", Title = title, Body = "Nội dung bài " + title }, Ct);
        Assert.True(saved.IsSuccess);
        var steps = scope.ServiceProvider.GetRequiredService<ChangeArticleStatus.Handler>();
        Assert.True((await steps.HandleAsync(NewsTests.As(Editor), new(saved.Value.Id, Step.Submit), Ct)).IsSuccess);
        Assert.True((await steps.HandleAsync(NewsTests.As(Chief), new(saved.Value.Id, Step.Approve), Ct)).IsSuccess);
        var published = await steps.HandleAsync(NewsTests.As(Chief), at is null ? new(saved.Value.Id, Step.Publish) : new(saved.Value.Id, Step.Schedule, at), Ct);
        Assert.True(published.IsSuccess, published.IsSuccess ? "" : published.Errors[0].Message);
        return saved.Value.Id;
    }

    [Fact]
    public async Task AnonymousPages_AreServedFromCache_OnTheSecondRequest()
    {
        foreach (var url in new[] { "/", SeedUrl, "/rss.xml", "/sitemap.xml" })
        {
            var (first, firstBody) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var (second, secondBody) = await GetAsync(url);
            Assert.True(FromCache(second), url);
            Assert.Equal(firstBody, secondBody);
        }
    }

    [Fact]
    public async Task Publish_EvictsTheCachedHomeArticleAndRss()
    {
        await GetAsync("/");
        await GetAsync("/rss.xml");
        await GetAsync(SeedUrl);
        Assert.True(FromCache((await GetAsync("/rss.xml")).Response));

        await PublishedAsync("Tin mới về tuần tra đêm ở Nam Sách");

        var (home, homeBody) = await GetAsync("/");
        Assert.False(FromCache(home));
        Assert.Contains("Tin mới về tuần tra đêm ở Nam Sách", homeBody, StringComparison.Ordinal);
        var (rss, rssBody) = await GetAsync("/rss.xml");
        Assert.False(FromCache(rss));
        Assert.Contains("Tin mới về tuần tra đêm ở Nam Sách", rssBody, StringComparison.Ordinal);

        // "Các tin khác" of every article lists it too.
        Assert.Contains("Tin mới về tuần tra đêm ở Nam Sách", (await GetAsync(SeedUrl)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAndWithdrawOfAPublishedArticle_EvictItsPage()
    {
        var id = await PublishedAsync("Bài sẽ được sửa rồi gỡ");
        string slug;
        int version;
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var stored = await db.Articles.Where(a => a.Id == id).Select(a => new { a.Slug, a.Version }).SingleAsync(Ct);
            (slug, version) = (stored.Slug, stored.Version);
        }

        var url = "/tin-tuc/" + slug;
        await GetAsync(url);
        Assert.True(FromCache((await GetAsync(url)).Response));

        await using (var scope = Scope())
        {
            var edited = await scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>().HandleAsync(NewsTests.As(Chief),
                new SaveArticle.Command { Id = id, Version = version, Slug = slug, Title = "Bài sẽ được sửa rồi gỡ", Body = "Đoạn đã sửa sau khi đăng." }, Ct);
            Assert.True(edited.IsSuccess);
        }

        Assert.Contains("Đoạn đã sửa sau khi đăng.", (await GetAsync(url)).Body, StringComparison.Ordinal);

        await using (var scope = Scope())
        {
            var withdrawn = await scope.ServiceProvider.GetRequiredService<ChangeArticleStatus.Handler>()
                .HandleAsync(NewsTests.As(Chief), new(id, Step.Withdraw, null, "Thông tin chưa chính xác"), Ct);
            Assert.True(withdrawn.IsSuccess);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(url)).Response.StatusCode);
        Assert.DoesNotContain("Bài sẽ được sửa rồi gỡ", (await GetAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditOfADraft_DoesNotEvict()
    {
        await GetAsync("/");
        Assert.True(FromCache((await GetAsync("/")).Response));
        await using (var scope = Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>()
                .HandleAsync(NewsTests.As(Editor), new SaveArticle.Command { UnitCode = "291", Title = "Bản nháp chưa đăng", Body = "Nháp." }, Ct);
            Assert.True(saved.IsSuccess);
        }

        Assert.True(FromCache((await GetAsync("/")).Response));
    }

    [Fact]
    public async Task SettingsChange_EvictsTheFooterOfEveryPage()
    {
        await GetAsync(SeedUrl);
        Assert.True(FromCache((await GetAsync(SeedUrl)).Response));
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var settings = await db.PortalSettings.SingleAsync(Ct);
            var details = settings.ToDetails();
            Assert.Empty(settings.Update(details with { PortalName = "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH (MỚI)" }, Factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(Ct);
            scope.ServiceProvider.GetRequiredService<PortalSettingsQuery>().Invalidate();
        }

        var (page, body) = await GetAsync(SeedUrl);
        Assert.False(FromCache(page));
        Assert.Contains("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH (MỚI)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcedureStatsAndCategoryChanges_Evict()
    {
        await GetAsync("/");
        Assert.True(FromCache((await GetAsync("/")).Response));
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var period = await db.ProcedurePeriods.FirstAsync(Ct);
            db.ProcedurePeriods.Remove(period);
            await db.SaveChangesAsync(Ct);
        }

        Assert.False(FromCache((await GetAsync("/")).Response));
        Assert.True(FromCache((await GetAsync("/")).Response));
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            db.Categories.Add(Category.Create("291", "Chuyên mục thử bộ nhớ đệm", 99).Value);
            await db.SaveChangesAsync(Ct);
        }

        Assert.False(FromCache((await GetAsync("/")).Response));
    }

    [Fact]
    public async Task ScheduledArticle_AppearsAtItsTime_DespiteTheCache()
    {
        // The schedule form takes Vietnam time.
        var at = Factory.Clock.GetUtcNow().UtcDateTime.AddHours(1) + ToanDan.Web.Infrastructure.Time.VietnamTime.Offset;
        await PublishedAsync("Tin hẹn giờ đăng sau một tiếng", DateTime.SpecifyKind(at, DateTimeKind.Unspecified));
        var (before, beforeBody) = await GetAsync("/");
        Assert.DoesNotContain("Tin hẹn giờ đăng sau một tiếng", beforeBody, StringComparison.Ordinal);
        Assert.True(FromCache((await GetAsync("/")).Response));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Factory.Clock.Advance(TimeSpan.FromMinutes(61));

        var (after, afterBody) = await GetAsync("/");
        Assert.False(FromCache(after));
        Assert.Contains("Tin hẹn giờ đăng sau một tiếng", afterBody, StringComparison.Ordinal);
        Assert.Contains("Tin hẹn giờ đăng sau một tiếng", (await GetAsync("/rss.xml")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchingETag_Gets304_FromTheCacheAndOnAMiss()
    {
        foreach (var url in new[] { SeedUrl, "/rss.xml" })
        {
            var (first, _) = await GetAsync(url);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(etag.IsWeak);

            var (cached, cachedBody) = await GetAsync(url, r => r.Headers.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
            Assert.Empty(cachedBody);

            var (other, _) = await GetAsync(url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"autre\"", true)));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // After an eviction the page is rendered again: same bytes, same ETag, still 304.
        var (page, _) = await GetAsync(SeedUrl);
        await using (var scope = Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalCache>().EvictAsync(Ct);
        }

        var (again, _) = await GetAsync(SeedUrl, r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.False(FromCache(again));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PublicPages_AreCompressed_WithTheEncodingAsked(string encoding)
    {
        var (plain, plainBody) = await GetAsync(SeedUrl);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, SeedUrl);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await Anonymous().SendAsync(request, Ct);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            await using var compressed = await response.Content.ReadAsStreamAsync(Ct);
            await using Stream decoder = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
            using var reader = new StreamReader(decoder);
            Assert.Equal(plainBody, await reader.ReadToEndAsync(Ct));
        }

        // The plain version is still served plain after the compressed ones were cached.
        var (again, _) = await GetAsync(SeedUrl);
        Assert.Empty(again.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task StaffPages_AreNeverCachedNorCompressedOverHttps()
    {
        var editor = Anonymous().As(Editor);
        for (var i = 0; i < 2; i++)
        {
            var (response, _) = await GetAsync("/staff/news", r => r.Headers.AcceptEncoding.ParseAdd("br"), editor);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(FromCache(response));
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Null(response.Headers.ETag);
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task SignedInVisitors_BypassTheCache_AndTheirPageIsNotKept()
    {
        await Factory.Services.GetRequiredService<PortalCache>().EvictAsync(Ct);
        var editor = Anonymous().As(Editor);
        var (mine, mineBody) = await GetAsync("/", client: editor);
        Assert.Contains("Đăng xuất", mineBody, StringComparison.Ordinal);
        var (again, _) = await GetAsync("/", client: editor);
        Assert.False(FromCache(mine));
        Assert.False(FromCache(again));
        Assert.Null(again.Headers.ETag);

        var (anonymous, anonymousBody) = await GetAsync("/");
        Assert.False(FromCache(anonymous));
        Assert.DoesNotContain("Đăng xuất", anonymousBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_IsPartOfTheCacheKey()
    {
        var (vi, viBody) = await GetAsync(SeedUrl);
        var (en, enBody) = await GetAsync(SeedUrl, r => r.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den"));
        Assert.Contains("lang=\"vi\"", viBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", enBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", (await GetAsync(SeedUrl)).Body, StringComparison.Ordinal);
        Assert.NotEqual(vi.Headers.ETag, en.Headers.ETag);
    }

    [Fact]
    public async Task StaticFiles_AreFingerprinted_AndImmutable()
    {
        // Tests run from the build output, whose static-asset manifest turns caching off for live editing; a published
        // app uses its publish manifest. This setting gives the published behaviour here.
        using var published = Factory.WithWebHostBuilder(b => b.UseSetting("EnableStaticAssetsDevelopmentCaching", "true"));
        HttpClient Anonymous() => published.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var page = await Html.GetAsync(Anonymous(), "/");
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        var (css, _) = await GetAsync(href, client: Anonymous());
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.True(css.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task ChangesPortal_IgnoresDraftWorkflowSteps_ButNotPublishingOnes()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var article = Article.Create("291", new ArticleContent("Bài thử bộ lọc", "", "Nội dung", null, null, null, []), "bai-thu-bo-loc", now).Value;
        db.Articles.Add(article);
        Assert.False(PortalCacheInvalidator.ChangesPortal(db.Entry(article)));
        await db.SaveChangesAsync(Ct);
        Assert.Null(article.Submit(now));
        Assert.False(PortalCacheInvalidator.ChangesPortal(db.Entry(article)));
        await db.SaveChangesAsync(Ct);
        Assert.Null(article.Approve(now));
        await db.SaveChangesAsync(Ct);
        Assert.Null(article.Publish(now));
        Assert.True(PortalCacheInvalidator.ChangesPortal(db.Entry(article)));
        await db.SaveChangesAsync(Ct);
        Assert.Null(article.Withdraw("Thử", now));
        Assert.True(PortalCacheInvalidator.ChangesPortal(db.Entry(article)));
    }

    [Fact]
    public async Task FastPath_AnswersRepeatedAnonymousRequests_WithTheSameBytesAndHeaders()
    {
        var fastPath = Factory.Services.GetRequiredService<PortalFastPath>();
        await Factory.Services.GetRequiredService<PortalCache>().EvictAsync(Ct);
        var (first, firstBody) = await GetAsync(SeedUrl);
        Assert.False(FromCache(first));
        var hits = fastPath.Hits;

        var (second, secondBody) = await GetAsync(SeedUrl);
        Assert.Equal(hits + 1, fastPath.Hits);
        Assert.True(FromCache(second));
        Assert.Equal(firstBody, secondBody);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cache-Control" })
        {
            Assert.Equal(first.Headers.GetValues(header), second.Headers.GetValues(header));
        }

        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(first.Content.Headers.ContentLength, second.Content.Headers.ContentLength);

        // Its 304 and its compressed copies are answered from the front too, each encoding apart.
        var (notModified, empty) = await GetAsync(SeedUrl, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(empty);
        Assert.Equal(hits + 2, fastPath.Hits);
        for (var i = 0; i < 2; i++)
        {
            var (brotli, _) = await GetAsync(SeedUrl, r => r.Headers.AcceptEncoding.ParseAdd("br"));
            Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        }

        Assert.Equal(hits + 3, fastPath.Hits);
        var (plain, plainBody) = await GetAsync(SeedUrl);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(firstBody, plainBody);
    }

    [Fact]
    public async Task FastPath_IsNeverTakenWithACookie_AndForgetsEverythingAtAnEviction()
    {
        var fastPath = Factory.Services.GetRequiredService<PortalFastPath>();
        await GetAsync("/");
        await GetAsync("/");
        var hits = fastPath.Hits;

        // A cookie (language, antiforgery, sign-in) goes through the whole pipeline; the output cache still answers.
        var (withCookie, _) = await GetAsync("/", r => r.Headers.Add("Cookie", "theme=dark"));
        Assert.True(FromCache(withCookie));
        Assert.Equal(hits, fastPath.Hits);

        // A publication evicts: the next request renders the new home page, not the copy in front.
        await PublishedAsync("Tin mới sau khi làm trống bộ nhớ đệm phía trước");
        var (after, afterBody) = await GetAsync("/");
        Assert.False(FromCache(after));
        Assert.Equal(hits, fastPath.Hits);
        Assert.Contains("Tin mới sau khi làm trống bộ nhớ đệm phía trước", afterBody, StringComparison.Ordinal);
        var (again, againBody) = await GetAsync("/");
        Assert.Equal(hits + 1, fastPath.Hits);
        Assert.Equal(afterBody, againBody);
    }

    [Fact]
    public async Task FastPath_KeepsNothingPastTheNextBoundary()
    {
        var fastPath = Factory.Services.GetRequiredService<PortalFastPath>();
        await GetAsync("/rss.xml");
        await GetAsync("/rss.xml");
        var hits = fastPath.Hits;
        var boundary = Factory.Services.GetRequiredService<PortalCache>().NextBoundaryUtc;
        Assert.NotNull(boundary);
        Factory.Clock.Advance(boundary.Value - Factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        var (next, _) = await GetAsync("/rss.xml");
        Assert.False(FromCache(next));
        Assert.Equal(hits, fastPath.Hits);
    }
}

public sealed class PortalCachingTestsOnSqlite(SqliteDemoApp app) : PortalCachingTests(app), IClassFixture<SqliteDemoApp>;

public sealed class PortalCachingTestsOnPostgreSql(PostgreSqlDemoApp app) : PortalCachingTests(app), IClassFixture<PostgreSqlDemoApp>;

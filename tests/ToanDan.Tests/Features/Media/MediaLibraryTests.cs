using System.Net;
using System.Net.Http.Headers;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using ToanDan.Tests.Features.News;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Media;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Infrastructure;
using Step = ToanDan.Web.Features.News.Staff.ChangeArticleStatus.Step;

namespace ToanDan.Tests.Features.Media;

/// <summary>
/// The media library: metadata stripped by re-encoding, resized copies, limits, disguised files refused with a
/// Vietnamese message and nothing kept, unit scope, public files cached for a year, reuse as an article's cover and
/// figure (with srcset and alt), refusal to delete an image in use, audit of uploads and deletes.
/// </summary>
public abstract class MediaLibraryTests(AppFixture app) : AppTests(app)
{
    private const string Editor = "PortalEditor@291";
    private const string Chief = "EditorInChief@291";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string? user = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        return user is null ? client : client.As(user);
    }

    private async Task<Result<MediaImage>> UploadAsync(byte[] bytes, string fileName = "anh.jpg", string unit = "291", string? alt = "Lực lượng tuần tra đêm", string user = Editor)
    {
        await using var scope = Scope();
        await using var stream = new MemoryStream(bytes);
        return await scope.ServiceProvider.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(NewsTests.As(user), new UploadMedia.Command(unit, fileName, bytes.Length, stream, alt), Ct);
    }

    private string Folder(Guid id) => Path.Combine(Factory.MediaPath, id.ToString("N"));

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return ImageMetadataReader.ReadMetadata(stream);
    }

    [Fact]
    public async Task Upload_StripsExifAndGps_AndStoresThreeWidths()
    {
        var original = TestImages.JpegWithExif(2000, 1000);
        Assert.Contains(Metadata(original), d => d is GpsDirectory);

        var uploaded = await UploadAsync(original);
        Assert.True(uploaded.IsSuccess, uploaded.IsSuccess ? "" : uploaded.Errors[0].Message);
        var image = uploaded.Value;
        Assert.Equal([320, 800, 1600], image.Widths);
        Assert.Equal((1600, 800), (image.Width, image.Height));
        foreach (var width in image.Widths)
        {
            var stored = await File.ReadAllBytesAsync(Path.Combine(Folder(image.Id), $"{width}.jpg"), Ct);
            Assert.DoesNotContain(Metadata(stored), d => d is GpsDirectory or ExifIfd0Directory or ExifSubIfdDirectory);
            Assert.Equal(-1, stored.AsSpan().IndexOf("Exif\0\0"u8));
            Assert.Equal(-1, stored.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(TestImages.SecretNote)));
            using var decoded = SKBitmap.Decode(stored);
            Assert.Equal((width, width / 2), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public async Task Upload_TurnsTheImageUprightByItsExifOrientation()
    {
        var uploaded = await UploadAsync(TestImages.JpegWithExif(1200, 600, orientation: 6));
        Assert.True(uploaded.IsSuccess);
        Assert.Equal((600, 1200), (uploaded.Value.Width, uploaded.Value.Height));
        Assert.Equal([320, 600], uploaded.Value.Widths);
    }

    [Fact]
    public async Task Upload_SmallImage_IsNeverEnlarged_AndTransparentPngStaysPng()
    {
        var small = await UploadAsync(TestImages.Jpeg(500, 250));
        Assert.Equal([320, 500], small.Value.Widths);
        var png = await UploadAsync(TestImages.TransparentPng(200, 200), "logo.png");
        Assert.True(png.IsSuccess);
        Assert.Equal("png", png.Value.Extension);
        Assert.Equal([200], png.Value.Widths);
        Assert.True(File.Exists(Path.Combine(Folder(png.Value.Id), "200.png")));
    }

    public static TheoryData<string, byte[], string> Disguised() => new()
    {
        { "anh.jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), "không phải là ảnh JPEG, PNG hoặc WebP" },
        { "anh.png", "<?php system($_GET['c']); ?>"u8.ToArray(), "không phải là ảnh JPEG, PNG hoặc WebP" },
        { "anh.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "không phải là ảnh JPEG, PNG hoặc WebP" },
        { "anh.gif", "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray(), "không phải là ảnh JPEG, PNG hoặc WebP" },
        { "anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0<script>alert(1)</script>"u8], "Không đọc được ảnh" },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task Upload_DisguisedFile_IsRefusedInVietnamese_AndNothingIsKept(string fileName, byte[] bytes, string message)
    {
        var before = await CountAsync();
        var result = await UploadAsync(bytes, fileName);
        Assert.False(result.IsSuccess);
        Assert.Contains(message, result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("File", result.Errors[0].Field);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Upload_Limits_SizeAltAndPixels()
    {
        var images = Factory.Services.GetRequiredService<MediaImages>();
        await using (var scope = Scope())
        {
            await using var stream = new MemoryStream([0xFF, 0xD8, 0xFF]);
            var tooBig = await scope.ServiceProvider.GetRequiredService<UploadMedia.Handler>()
                .HandleAsync(NewsTests.As(Editor), new UploadMedia.Command("291", "to.jpg", images.MaxUploadBytes + 1, stream, "Ảnh"), Ct);
            Assert.Contains("quá lớn: tối đa 10 MB", tooBig.Errors[0].Message, StringComparison.Ordinal);
        }

        var noAlt = await UploadAsync(TestImages.Jpeg(400, 300), alt: "  ");
        Assert.Equal("Alt", noAlt.Errors.Single().Field);
        Assert.Contains("mô tả thay thế (alt)", noAlt.Errors[0].Message, StringComparison.Ordinal);

        var bomb = await UploadAsync(TestImages.PixelBombPng(), "bom.png");
        Assert.Contains("50000×50000 điểm ảnh", bomb.Errors[0].Message, StringComparison.Ordinal);

        var empty = await UploadAsync([], "rong.jpg");
        Assert.Contains("Hãy chọn một tệp ảnh", empty.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UploadsThroughTheForm_RefusesADisguisedFile_And413sAnOversizedBody()
    {
        var client = Client(Editor);
        var page = await Html.GetAsync(client, "/staff/media");
        var token = Html.Token(page);

        async Task<HttpResponseMessage> PostAsync(byte[] bytes, string fileName, string contentType)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("291"), "UnitCode" },
                { new StringContent("Cán bộ công an xã tuần tra"), "Alt" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", fileName);
            return await client.PostAsync("/staff/media", form, Ct);
        }

        using (var ok = await PostAsync(TestImages.Jpeg(900, 600), "tuan-tra.jpg", "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var list = await Html.GetAsync(client, "/staff/media");
        Assert.Contains(list.QuerySelectorAll("img.media-thumb"), img => img.GetAttribute("alt") == "Cán bộ công an xã tuần tra");

        var before = await CountAsync();
        using (var disguised = await PostAsync("<script>alert(1)</script>"u8.ToArray(), "anh.jpg", "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
            var body = await disguised.Content.ReadAsStringAsync(Ct);
            Assert.Contains("không phải là ảnh JPEG, PNG hoặc WebP", body, StringComparison.Ordinal);
        }

        using (var huge = await PostAsync(new byte[11 * 1024 * 1024], "lon.jpg", "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Scope_AnotherCommuneNeitherSeesNorDeletesNorUploadsIntoIt()
    {
        var uploaded = await UploadAsync(TestImages.Jpeg(400, 300), unit: "10606", user: "PortalEditor@10606");
        Assert.True(uploaded.IsSuccess);
        await using var scope = Scope();
        var other = NewsTests.As("PortalEditor@10639");
        var rows = await scope.ServiceProvider.GetRequiredService<ListMedia.Handler>().HandleAsync(other, null, Ct);
        Assert.DoesNotContain(rows, r => r.Image.Id == uploaded.Value.Id);
        var district = await scope.ServiceProvider.GetRequiredService<ListMedia.Handler>().HandleAsync(NewsTests.As(Editor), null, Ct);
        Assert.Contains(district, r => r.Image.Id == uploaded.Value.Id);
        var delete = await scope.ServiceProvider.GetRequiredService<DeleteMedia.Handler>().HandleAsync(other, uploaded.Value.Id, Ct);
        Assert.Equal(ErrorCodes.NotFound, delete.Errors[0].Code);
        var into = await UploadAsync(TestImages.Jpeg(400, 300), unit: "10606", user: "PortalEditor@10639");
        Assert.Equal("UnitCode", into.Errors[0].Field);
        var otherClient = Client("PortalEditor@10639");
        var token = Html.Token(await Html.GetAsync(otherClient, "/staff/media"));
        using var response = await Html.PostAsync(otherClient, $"/staff/media?handler=Delete&id={uploaded.Value.Id}", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublicFiles_AreCachedForAYear_AndOnlyParsedNamesAreServed()
    {
        var image = (await UploadAsync(TestImages.Jpeg(900, 600))).Value;
        var client = Client();
        using var response = await client.GetAsync(image.Url(320), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        foreach (var bad in new[] { $"/media/{image.Id:N}/321.jpg", $"/media/{image.Id:N}/320.gif", $"/media/{image.Id:N}/..%2F..%2Fappsettings.json", $"/media/{Guid.NewGuid():N}/320.jpg" })
        {
            using var missing = await client.GetAsync(bad, Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task Reuse_AsCoverAndFigure_RendersSrcsetAndAlt_AndBlocksDeletionWhileUsed()
    {
        var image = (await UploadAsync(TestImages.Jpeg(2000, 1000), "bia.jpg", alt: "Hội nghị tổng kết phong trào")).Value;
        var foreign = (await UploadAsync(TestImages.Jpeg(400, 300), unit: "10606", user: "PortalEditor@10606")).Value;
        await using var scope = Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveArticle.Handler>();

        var wrong = await save.HandleAsync(NewsTests.As(Editor), new SaveArticle.Command { UnitCode = "291", Title = "Bài có ảnh", Body = "Đoạn một.", CoverMediaId = foreign.Id }, Ct);
        Assert.Equal("CoverMediaId", wrong.Errors[0].Field);
        var noAlt = await save.HandleAsync(NewsTests.As(Editor), new SaveArticle.Command
        {
            UnitCode = "291", Title = "Bài có ảnh", Body = "Đoạn một.", Figures = [new FigureInput { Caption = "Chú thích", MediaId = image.Id }],
        }, Ct);
        Assert.Contains("mô tả thay thế (alt)", noAlt.Errors[0].Message, StringComparison.Ordinal);

        var saved = await save.HandleAsync(NewsTests.As(Editor), new SaveArticle.Command
        {
            UnitCode = "291",
            Title = "Hội nghị tổng kết có ảnh",
            Body = "Đoạn một.\n\nĐoạn hai.",
            CoverMediaId = image.Id,
            Figures = [new FigureInput { Caption = "Toàn cảnh hội nghị", Alt = "Đại biểu dự hội nghị tại hội trường", MediaId = image.Id, AfterParagraph = 1 }],
        }, Ct);
        Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Errors[0].Message);
        var steps = scope.ServiceProvider.GetRequiredService<ChangeArticleStatus.Handler>();
        Assert.True((await steps.HandleAsync(NewsTests.As(Editor), new(saved.Value.Id, Step.Submit), Ct)).IsSuccess);
        Assert.True((await steps.HandleAsync(NewsTests.As(Chief), new(saved.Value.Id, Step.Approve), Ct)).IsSuccess);
        Assert.True((await steps.HandleAsync(NewsTests.As(Chief), new(saved.Value.Id, Step.Publish), Ct)).IsSuccess);

        var page = await Html.GetAsync(Client(), "/tin-tuc/" + saved.Value.Slug);
        var cover = page.QuerySelector(".article-cover img")!;
        Assert.Equal("Hội nghị tổng kết phong trào", cover.GetAttribute("alt"));
        Assert.Equal(image.Url(800), cover.GetAttribute("src"));
        Assert.Equal($"{image.Url(320)} 320w, {image.Url(800)} 800w, {image.Url(1600)} 1600w", cover.GetAttribute("srcset"));
        Assert.Equal(("800", "400"), (cover.GetAttribute("width"), cover.GetAttribute("height")));
        var figure = page.QuerySelector(".article-body figure img")!;
        Assert.Equal("Đại biểu dự hội nghị tại hội trường", figure.GetAttribute("alt"));
        Assert.Contains(image.Url(1600) + " 1600w", figure.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.EndsWith(image.Url(1600), page.QuerySelector("meta[property='og:image']")?.GetAttribute("content"), StringComparison.Ordinal);

        var edit = await Html.GetAsync(Client(Chief), $"/staff/news/{saved.Value.Id}");
        Assert.Equal(image.Id.ToString(), edit.QuerySelector("select[name='Input.CoverMediaId'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(image.Id.ToString(), edit.QuerySelector("select[name='Input.Figures[0].MediaId'] option[selected]")?.GetAttribute("value"));

        var delete = scope.ServiceProvider.GetRequiredService<DeleteMedia.Handler>();
        var refused = await delete.HandleAsync(NewsTests.As(Editor), image.Id, Ct);
        Assert.Equal(ErrorCodes.Conflict, refused.Errors[0].Code);
        Assert.Contains("Hội nghị tổng kết có ảnh", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(System.IO.Directory.Exists(Folder(image.Id)));
    }

    [Fact]
    public async Task UploadAndDelete_AreAudited_AndDeleteRemovesTheFiles()
    {
        var image = (await UploadAsync(TestImages.Jpeg(700, 400))).Value;
        Assert.True(System.IO.Directory.Exists(Folder(image.Id)));
        await using (var scope = Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeleteMedia.Handler>().HandleAsync(NewsTests.As(Editor), image.Id, Ct)).IsSuccess);
        }

        Assert.False(System.IO.Directory.Exists(Folder(image.Id)));
        using (var gone = await Client().GetAsync(image.Url(320), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        await using var read = Scope();
        var actions = await read.ServiceProvider.GetRequiredService<ToanDanDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Module == "Media" && e.EntityId == image.Id.ToString()).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal([AuditActions.Create, AuditActions.Delete], actions.Order(StringComparer.Ordinal).ToList());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().MediaItems.CountAsync(Ct);
        return rows + (System.IO.Directory.Exists(Factory.MediaPath) ? System.IO.Directory.GetDirectories(Factory.MediaPath).Length : 0);
    }
}

public sealed class MediaLibraryTestsOnSqlite(SqliteDemoApp app) : MediaLibraryTests(app), IClassFixture<SqliteDemoApp>;

public sealed class MediaLibraryTestsOnPostgreSql(PostgreSqlDemoApp app) : MediaLibraryTests(app), IClassFixture<PostgreSqlDemoApp>;

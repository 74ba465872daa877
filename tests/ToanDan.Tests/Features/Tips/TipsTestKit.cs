using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Features.Tips.Public;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Features.Tips;

/// <summary>Helpers shared by the Tips tests: clients, the public form, files.</summary>
internal static class TipsTestKit
{
    public const string Marker = "SECRET-GPS-21.0285N-105.8542E";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpClient Client(ToanDanFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public static ClaimsPrincipal As(string assignments) => new(new ClaimsIdentity(
        assignments.Split(',').Select(a => new Claim(StaffClaims.RoleAssignment, a))
            .Append(new Claim(StaffClaims.TwoFactor, "1"))
            .Append(new Claim(ClaimTypes.Name, "kiem-thu"))
            .Append(new Claim(ClaimTypes.NameIdentifier, Guid.Empty.ToString())),
        "Test"));

    /// <summary>The public area of the demo portal: its first current commune and the unit for unknown places.</summary>
    public static async Task<PublicUnits.Area> AreaAsync(ToanDanFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PublicUnits>().GetAsync(Ct))!;
    }

    /// <summary>GETs the form, waits the minimum fill time on the fake clock, and posts it with the given fields and files.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(ToanDanFactory factory, HttpClient client, IDictionary<string, string> fields, params (string Name, string Type, byte[] Content)[] files)
    {
        var page = await Html.GetAsync(client, "/to-giac");
        var form = page.QuerySelector("form.tip-form")!;
        var values = Html.Fields(form);
        foreach (var (key, value) in fields)
        {
            values.Set(key, value);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(part, "Files", name);
        }

        return await client.PostAsync("/to-giac", content, Ct);
    }

    /// <summary>The receipt code of a successful submission (digits), or fails with the page's errors.</summary>
    public static async Task<string> CodeAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {Errors(html)}");
        var code = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("[data-receipt-code]")?.TextContent.Trim();
        Assert.NotNull(code);
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", code);
        return code.Replace(" ", "", StringComparison.Ordinal);
    }

    public static string Errors(string html) =>
        string.Join(" | ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll(".errors li").Select(e => e.TextContent.Trim()));

    /// <summary>A JPEG with a comment segment and an EXIF segment that both carry <see cref="Marker"/>.</summary>
    public static byte[] JpegWithMetadata()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var marker = System.Text.Encoding.ASCII.GetBytes(Marker);
        var comment = new List<byte> { 0xFF, 0xFE };
        comment.AddRange([(byte)((marker.Length + 2) >> 8), (byte)((marker.Length + 2) & 0xFF)]);
        comment.AddRange(marker);
        var exifBody = new List<byte>();
        exifBody.AddRange("Exif\0\0"u8.ToArray());
        exifBody.AddRange("MM\0*\0\0\0\u0008\0\0"u8.ToArray());
        exifBody.AddRange(marker);
        var exif = new List<byte> { 0xFF, 0xE1, (byte)((exifBody.Count + 2) >> 8), (byte)((exifBody.Count + 2) & 0xFF) };
        exif.AddRange(exifBody);
        return [.. jpeg[..2], .. exif, .. comment, .. jpeg[2..]];
    }

    public static IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}

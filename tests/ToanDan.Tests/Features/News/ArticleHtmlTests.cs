using AngleSharp.Html.Parser;
using ToanDan.Web.Features.News;

namespace ToanDan.Tests.Features.News;

/// <summary>The Markdown renderer and sanitiser: nothing a browser could run survives.</summary>
public sealed class ArticleHtmlTests
{
    private static readonly ArticleHtml Html = new();

    /// <summary>Payloads tried in every field.</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "[bấm vào đây](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "\"><script>alert(2)</script>",
        "![ảnh](javascript:alert(3))",
    ];

    internal static void AssertHarmless(AngleSharp.Dom.IElement root)
    {
        Assert.Empty(root.QuerySelectorAll("script, iframe, svg, object, embed, style"));
        foreach (var element in root.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} has {attribute.Name}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "xlink:href" or "poster" or "background")
                {
                    Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void Render_PayloadsInMarkdown_AreNeutralised()
    {
        var html = Html.Render(string.Join("\n\n", Payloads) + "\n\n**đậm** và [liên kết](https://congan.gov.vn)");
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        AssertHarmless(document.Body!);
        Assert.NotNull(document.QuerySelector("strong"));
        Assert.Equal("https://congan.gov.vn", document.QuerySelector("a[href]")?.GetAttribute("href"));
    }

    [Fact]
    public void Render_PayloadsInFigureCaptionAltAndUrl_AreNeutralised()
    {
        var figures = Payloads.Select((p, i) => new FigureContent(p, p, i % 2 == 0 ? "javascript:alert(1)" : "https://example.vn/a.jpg\" onerror=\"alert(1)", 1)).ToList();
        var html = Html.Render("Đoạn một.\n\nĐoạn hai.", figures);
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        AssertHarmless(document.Body!);
        Assert.Equal(Payloads.Length, document.QuerySelectorAll("figure").Length);
        Assert.Contains("<script>alert('x')</script>", document.QuerySelectorAll("figcaption").Select(f => f.TextContent));
    }

    [Fact]
    public void Render_FigureWithoutImage_IsAPlaceholderShowingItsAltAfterTheParagraph()
    {
        var html = Html.Render("Một.\n\nHai.\n\nBa.", [new FigureContent("Chú thích ảnh", "Mô tả ảnh", null, 2)]);
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var children = document.Body!.Children.Select(c => c.TagName.ToLowerInvariant()).ToList();
        Assert.Equal(["p", "p", "figure", "p"], children);
        Assert.Equal("Mô tả ảnh", document.QuerySelector(".figure-placeholder")?.TextContent);
        Assert.Empty(document.QuerySelectorAll("img"));
    }
}

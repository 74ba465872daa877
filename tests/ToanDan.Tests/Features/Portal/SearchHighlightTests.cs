using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using ToanDan.Web.Features.Portal;

namespace ToanDan.Tests.Features.Portal;

/// <summary>Marking search terms: folded comparison, whole words, everything else encoded.</summary>
public class SearchHighlightTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }

    [Fact]
    public void Highlight_MarksWordsWhoseFoldedFormIsATerm() =>
        Assert.Equal("<mark>Toàn</mark> <mark>dân</mark> bảo vệ <mark>Đồng</mark> Tố", Render(SearchHighlight.Highlight("Toàn dân bảo vệ Đồng Tố", ["toan", "dan", "dong"])));

    [Fact]
    public void Highlight_MatchesWholeWordsOnly() =>
        Assert.Equal("toàndân <mark>toàn</mark>", Render(SearchHighlight.Highlight("toàndân toàn", ["toan"])));

    [Fact]
    public void Highlight_EncodesMarkupAroundAndInsideMarks() =>
        Assert.Equal("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &lt;img onerror=1&gt;",
            Render(SearchHighlight.Highlight("<script>alert(\"x\")</script> & <img onerror=1>", ["script"])));

    [Fact]
    public void Highlight_OfNothing_IsEmpty() => Assert.Equal("", Render(SearchHighlight.Highlight(null, ["a"])));

    [Fact]
    public void Snippet_ShowsTheWindowAroundTheFirstMatch()
    {
        var text = string.Concat(Enumerable.Repeat("lorem ipsum ", 60)) + "Toàn dân bảo vệ an ninh " + string.Concat(Enumerable.Repeat("dolor sit ", 60));
        var snippet = SearchHighlight.Snippet(text, ["toan"]);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("Toàn dân bảo vệ", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= SearchHighlight.SnippetLength + 2);
        Assert.DoesNotContain("  ", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OfShortText_IsTheText() => Assert.Equal("ngắn", SearchHighlight.Snippet("ngắn", ["x"]));
}

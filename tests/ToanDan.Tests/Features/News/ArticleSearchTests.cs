using ToanDan.Web.Features.News;

namespace ToanDan.Tests.Features.News;

/// <summary>Query parsing: folded plain terms only, so no search syntax from the public reaches FTS5 or tsquery.</summary>
public class ArticleSearchTests
{
    [Theory]
    [InlineData("Toàn dân bảo vệ", new[] { "toan", "dan", "bao", "ve" })]
    [InlineData("ĐỒNG Đức", new[] { "dong", "duc" })]
    [InlineData("\"toan dan\" NEAR(bao ve) -an:ninh toan*", new[] { "toan", "dan", "near", "bao", "ve", "an", "ninh" })]
    [InlineData("covid-19 F0", new[] { "covid", "19", "f0" })]
    [InlineData("'; DROP TABLE articles; --", new[] { "drop", "table", "articles" })]
    [InlineData("\"*:-()^", new string[0])]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void Parse_KeepsFoldedWordsOnly(string? query, string[] expected) =>
        Assert.Equal(expected, ArticleSearch.Parse(query));

    [Fact]
    public void Parse_LimitsTermsAndLength()
    {
        Assert.Equal(ArticleSearch.MaxTerms, ArticleSearch.Parse(string.Join(" ", Enumerable.Range(0, 50).Select(i => "t" + i))).Count);
        Assert.Equal(ArticleSearch.TermMaxLength, ArticleSearch.Parse(new string('a', 500)).Single().Length);
        Assert.Equal(["toan"], ArticleSearch.Parse(string.Concat(Enumerable.Repeat("toàn ", 10_000))));
    }

    [Fact]
    public void Fts5Expression_QuotesEveryTerm() =>
        Assert.Equal("\"near\" \"toan\"", ArticleSearch.Fts5Expression(ArticleSearch.Parse("NEAR toan")));

    [Fact]
    public void PlainText_DropsMarkdownAndRawHtml()
    {
        var text = ArticleSearch.PlainText("**Đậm** và [liên kết](https://example.vn) <script>x</script>");
        Assert.Contains("Đậm và liên kết", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }
}

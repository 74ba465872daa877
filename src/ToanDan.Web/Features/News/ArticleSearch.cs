using System.Text;
using Markdig;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News;

/// <summary>
/// The full-text search of published articles, the same on both engines: the text is folded in code
/// (<see cref="VietnameseText.Fold"/>: no diacritics, lower case, đ → d) into <see cref="Article.SearchTitle"/>,
/// <see cref="Article.SearchText"/> and <see cref="Article.SearchBody"/>, and a query is folded the same way and cut
/// into plain terms (<see cref="Parse"/>) that are quoted (SQLite FTS5) or passed to <c>plainto_tsquery</c>
/// (PostgreSQL), so no query syntax from the user ever reaches the engine. Indexes: Data/ArticleSearchIndex.cs.
/// </summary>
public static class ArticleSearch
{
    /// <summary>Longest query read; the rest is ignored.</summary>
    public const int QueryMaxLength = 200;

    /// <summary>Most terms used from a query.</summary>
    public const int MaxTerms = 10;

    /// <summary>Longest term; longer runs of letters are cut (no Vietnamese word comes near).</summary>
    public const int TermMaxLength = 40;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().DisableHtml().Build();

    /// <summary>
    /// The folded search terms of a query: runs of letters and digits, distinct, in order, at most
    /// <see cref="MaxTerms"/>. Quotes, <c>*</c>, <c>-</c>, <c>:</c>, parentheses and every other sign only separate
    /// terms; words such as NEAR, AND, OR and NOT are ordinary terms.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > QueryMaxLength ? query[..QueryMaxLength] : query;
        var folded = VietnameseText.Fold(text);
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in folded.Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (current.Length < TermMaxLength)
                {
                    current.Append(ch);
                }

                continue;
            }

            if (current.Length > 0)
            {
                var term = current.ToString();
                current.Clear();
                if (!terms.Contains(term, StringComparer.Ordinal))
                {
                    terms.Add(term);
                    if (terms.Count == MaxTerms)
                    {
                        break;
                    }
                }
            }
        }

        return terms;
    }

    /// <summary>An FTS5 MATCH expression: every term quoted (a string, never an operator), all required.</summary>
    public static string Fts5Expression(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return string.Join(" ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    /// <summary>The text given to PostgreSQL's <c>plainto_tsquery('simple', …)</c>: the terms with spaces (all required).</summary>
    public static string PlainQuery(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return string.Join(" ", terms);
    }

    /// <summary>The plain text of Markdown (no markup, no raw HTML), for the index and for result snippets.</summary>
    public static string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : VietnameseText.Clean(Markdown.ToPlainText(markdown, Pipeline));
}

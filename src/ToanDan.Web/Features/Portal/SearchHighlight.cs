using System.Globalization;
using Microsoft.AspNetCore.Html;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Portal;

/// <summary>
/// Marks the searched terms in result titles and snippets. Words are compared folded (no diacritics, lower case,
/// đ → d), so "bao ve" marks "bảo vệ". The output is <see cref="IHtmlContent"/> whose text parts are encoded by
/// Razor's encoder; only the <c>&lt;mark&gt;</c> tags are written as HTML, so markup in an article or a query is
/// shown as text, never run.
/// </summary>
public static class SearchHighlight
{
    /// <summary>Longest snippet, in characters (before the ellipses).</summary>
    public const int SnippetLength = 240;

    /// <summary>The text with every word whose folded form is one of <paramref name="terms"/> wrapped in &lt;mark&gt;.</summary>
    public static IHtmlContent Highlight(string? text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var content = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(text))
        {
            return content;
        }

        var set = terms.ToHashSet(StringComparer.Ordinal);
        var last = 0;
        foreach (var (start, length) in Words(text))
        {
            if (!set.Contains(VietnameseText.Fold(text.Substring(start, length))))
            {
                continue;
            }

            if (start > last)
            {
                content.Append(text[last..start]);
            }

            content.AppendHtml("<mark>");
            content.Append(text.Substring(start, length));
            content.AppendHtml("</mark>");
            last = start + length;
        }

        if (last < text.Length)
        {
            content.Append(text[last..]);
        }

        return content;
    }

    /// <summary>
    /// A window of about <see cref="SnippetLength"/> characters around the first matching word of
    /// <paramref name="text"/> (its start when no word matches), cut at word boundaries, with "…" where cut.
    /// </summary>
    public static string Snippet(string? text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length <= SnippetLength)
        {
            return text;
        }

        var set = terms.ToHashSet(StringComparer.Ordinal);
        var words = Words(text).ToList();
        var first = words.FindIndex(w => set.Contains(VietnameseText.Fold(text.Substring(w.Start, w.Length))));
        var anchor = first < 0 ? 0 : words[first].Start;
        var start = Math.Max(0, anchor - (SnippetLength / 3));
        if (start > 0)
        {
            // Begin at the start of a word.
            var next = words.FirstOrDefault(w => w.Start >= start);
            start = next.Length > 0 ? next.Start : start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var cut = words.LastOrDefault(w => w.Start + w.Length <= end && w.Start > start);
            end = cut.Length > 0 ? cut.Start + cut.Length : end;
        }

        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    /// <summary>Runs of letters, digits and combining marks, by UTF-16 index (surrogate pairs kept whole).</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var size = char.IsSurrogatePair(text, i) ? 2 : 1;
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            var inWord = char.IsLetterOrDigit(text, i) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }

            i += size;
        }

        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }
}

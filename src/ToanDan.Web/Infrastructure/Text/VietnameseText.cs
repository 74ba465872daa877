using System.Globalization;
using System.Text;

namespace ToanDan.Web.Infrastructure.Text;

/// <summary>Normalisation of Vietnamese text for storage and diacritics-insensitive search.</summary>
public static class VietnameseText
{
    /// <summary>Trims, collapses runs of white space and normalises to Unicode NFC, as every stored text should be.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var ch in value.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        var text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Folds text for matching: lower case, no diacritics, đ → d, single spaces.
    /// "Thị trấn Nam Sách" and "thi tran nam sach" fold to the same key. Tone-mark placement
    /// differences (Hoà / Hòa) disappear as well.
    /// </summary>
    public static string Fold(string? value)
    {
        var cleaned = Clean(value);
        if (cleaned.Length == 0)
        {
            return "";
        }

        var decomposed = cleaned.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return builder.ToString();
    }

    /// <summary>Makes a URL slug without diacritics: "Toàn dân bảo vệ" → "toan-dan-bao-ve".</summary>
    public static string Slug(string? value, int maxLength = 120)
    {
        var folded = Fold(value);
        var builder = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(ch);
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }
}

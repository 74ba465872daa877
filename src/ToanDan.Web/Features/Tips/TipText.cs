using System.Text;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Tips;

/// <summary>Checks and normalises the free text of tips (NFC, trimmed, no control or broken characters).</summary>
public static class TipText
{
    /// <summary>
    /// The text trimmed and in NFC, or null when empty. Adds an error naming the field when the text is too long
    /// or holds characters that are not valid text (control characters, broken surrogates, U+FFFD from bytes that
    /// were not UTF-8).
    /// </summary>
    public static string? Clean(string? value, string field, string label, int max, List<Error> errors, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > max * 2)
        {
            errors.Add(Error.Validation($"{label} quá dài (tối đa {Number(max)} ký tự).", field));
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var broken = c == '\uFFFD'
                || (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])))
                || char.IsLowSurrogate(c)
                || (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));
            if (broken)
            {
                errors.Add(Error.Validation($"{label} có ký tự không hợp lệ (có thể do sao chép từ tệp bị lỗi mã). Hãy gõ lại phần đó.", field));
                return null;
            }
        }

        var text = value.Trim().Normalize(NormalizationForm.FormC);
        if (text.Length > max)
        {
            errors.Add(Error.Validation($"{label} quá dài (tối đa {Number(max)} ký tự).", field));
            return null;
        }

        return text;
    }

    /// <summary>A number the Vietnamese way: 8.000.</summary>
    public static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}

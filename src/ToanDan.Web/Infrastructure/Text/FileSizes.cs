using System.Globalization;

namespace ToanDan.Web.Infrastructure.Text;

/// <summary>File sizes as people read them: "850 B", "12 KB", "1,5 MB" (decimal comma in Vietnamese).</summary>
public static class FileSizes
{
    /// <summary>The size in B under 1 KB, whole KB (rounded up) under 1 MB, MB with one decimal above.</summary>
    public static string Format(long bytes, IFormatProvider? culture = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        culture ??= CultureInfo.CurrentCulture;
        return bytes switch
        {
            < 1024 => string.Create(culture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(culture, $"{(bytes + 1023) / 1024} KB"),
            _ => string.Create(culture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        };
    }
}

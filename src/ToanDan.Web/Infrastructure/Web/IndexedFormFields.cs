namespace ToanDan.Web.Infrastructure.Web;

/// <summary>
/// Reads form fields named <c>prefix[KEY]</c> (checklists, score sheets) by name. Model binding a
/// <c>Dictionary&lt;string, string&gt;</c> parameter falls back to every field of the form when none carries the
/// prefix, so an empty checklist would read the antiforgery token and the button as answers.
/// </summary>
public static class IndexedFormFields
{
    /// <summary>The <c>prefix[KEY]</c> fields of <paramref name="form"/> as KEY → value (the last value when repeated).</summary>
    public static Dictionary<string, string?> Read(IFormCollection form, string prefix)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var start = prefix + "[";
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (key.Length > start.Length + 1 && key.StartsWith(start, StringComparison.Ordinal) && key.EndsWith(']'))
            {
                fields[key[start.Length..^1]] = value.Count == 0 ? null : value[^1];
            }
        }

        return fields;
    }
}

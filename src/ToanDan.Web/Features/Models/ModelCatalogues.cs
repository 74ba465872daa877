using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Models;

/// <summary>Reads the kind and field catalogues (small; loaded whole).</summary>
public sealed class ModelCatalogues(ToanDanDb db)
{
    /// <summary>Every entry of a catalogue, in display order, retired ones included.</summary>
    public async Task<IReadOnlyList<ModelCatalogueEntry>> EntriesAsync(ModelCatalogue catalogue, CancellationToken ct) =>
        await db.ModelCatalogueEntries.AsNoTracking()
            .Where(e => e.Catalogue == catalogue)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Code)
            .ToListAsync(ct);

    /// <summary>Code → entry, for both catalogues.</summary>
    public async Task<(IReadOnlyDictionary<string, ModelCatalogueEntry> Kinds, IReadOnlyDictionary<string, ModelCatalogueEntry> Fields)> BothAsync(CancellationToken ct)
    {
        var all = await db.ModelCatalogueEntries.AsNoTracking().OrderBy(e => e.SortOrder).ThenBy(e => e.Code).ToListAsync(ct);
        return (
            all.Where(e => e.Catalogue == ModelCatalogue.Kind).ToDictionary(e => e.Code, StringComparer.Ordinal),
            all.Where(e => e.Catalogue == ModelCatalogue.Field).ToDictionary(e => e.Code, StringComparer.Ordinal));
    }

    /// <summary>
    /// Finds the entry a spreadsheet cell or form value names: its code, or its Vietnamese or English name with or
    /// without diacritics.
    /// </summary>
    public static ModelCatalogueEntry? Match(IReadOnlyDictionary<string, ModelCatalogueEntry> entries, string? value)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (entries.TryGetValue(text, out var byCode))
        {
            return byCode;
        }

        var key = Infrastructure.Text.VietnameseText.Fold(text);
        return entries.Values.FirstOrDefault(e => string.Equals(e.Code, text, StringComparison.OrdinalIgnoreCase)
            || Infrastructure.Text.VietnameseText.Fold(e.Name) == key
            || (e.NameEnglish is not null && Infrastructure.Text.VietnameseText.Fold(e.NameEnglish) == key));
    }
}

using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>Display names of units, as they were last called (a merged commune keeps its last name).</summary>
public static class ModelUnitNames
{
    /// <summary>Code → last name, for the codes that exist in the catalogue.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(ToanDanDb db, IEnumerable<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var periods = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => list.Contains(u.Code))
            .Select(u => new { u.Code, u.Name, u.ValidFrom })
            .ToListAsync(ct);
        return periods.GroupBy(p => p.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue).Last().Name, StringComparer.Ordinal);
    }

    /// <summary>Code → its periods (name and validity), to name a unit as it was on a record's date.</summary>
    public static async Task<ILookup<string, (string Name, DateOnly? From, DateOnly? To)>> LoadPeriodsAsync(ToanDanDb db, IEnumerable<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        var periods = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => list.Contains(u.Code))
            .Select(u => new { u.Code, u.Name, u.ValidFrom, u.ValidTo })
            .ToListAsync(ct);
        return periods.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue).ToLookup(p => p.Code, p => (p.Name, p.ValidFrom, p.ValidTo), StringComparer.Ordinal);
    }

    /// <summary>The unit's name on <paramref name="date"/>: the period in force then, else the earliest later one, else the last.</summary>
    public static string NameOn(this ILookup<string, (string Name, DateOnly? From, DateOnly? To)> periods, string code, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var list = periods[code].ToList();
        if (list.Count == 0)
        {
            return code;
        }

        return list.FirstOrDefault(p => (p.From is null || p.From <= date) && (p.To is null || date < p.To)).Name
            ?? list.FirstOrDefault(p => p.From > date).Name
            ?? list[^1].Name;
    }

    /// <summary>"Name (code)", or the code alone when unknown.</summary>
    public static string Label(this IReadOnlyDictionary<string, string> names, string code)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.TryGetValue(code, out var name) ? $"{name} ({code})" : code;
    }

    /// <summary>The unit on the date, or why it cannot be used.</summary>
    public static async Task<string?> CheckUnitAsync(UnitTree tree, string code, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 20)
        {
            return "Hãy nhập mã đơn vị hành chính.";
        }

        return await tree.FindAsync(code, date, ct) is null
            ? $"Không có đơn vị mã {code} vào ngày {Infrastructure.Time.VietnamTime.Format(date)}."
            : null;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>Reading the query strings of the staff unit pages: dates and commune codes.</summary>
public static partial class StaffQuery
{
    /// <summary>Longest search text accepted.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>Reads <c>asOf</c>: empty means today in Vietnam; otherwise yyyy-MM-dd or dd/MM/yyyy.</summary>
    public static bool TryReadDate(string? text, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = VietnamTime.Today(clock);
            return true;
        }

        return VietnamTime.TryParseDate(text, out date);
    }

    /// <summary>The message for a date that cannot be read.</summary>
    public static string BadDate(string? text) => $"Ngày “{text}” không hợp lệ. Hãy chọn một ngày (dạng dd/MM/yyyy, ví dụ 01/07/2025).";

    /// <summary>A date as used in links and date inputs: yyyy-MM-dd.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True for a commune-level code: five digits.</summary>
    public static bool IsCommuneCode(string? code) => code is not null && CommuneCodePattern().IsMatch(code);

    /// <summary>
    /// The commune <paramref name="code"/> as it was on <paramref name="date"/>, or else as last known (a commune
    /// that has since merged still has its places); null when no catalogue has this code at commune level.
    /// </summary>
    public static async Task<UnitView?> FindCommuneAsync(UnitTree tree, string code, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!IsCommuneCode(code))
        {
            return null;
        }

        var unit = await tree.FindAsync(code, date, ct);
        if (unit is null)
        {
            var history = await tree.HistoryAsync(code, ct);
            unit = history.Count > 0 ? history[^1] : null;
        }

        return unit?.Level == UnitLevel.Commune ? unit : null;
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommuneCodePattern();
}

using System.Globalization;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>
/// The four counters of one period (the "KẾT QUẢ GIẢI QUYẾT TTHC" box) and their rules: every counter is ≥ 0 and
/// processed = on time or early + late. Received is independent of processed (dossiers carried over from the
/// previous period may be processed now), so processed ≤ received is deliberately not required.
/// </summary>
/// <param name="Received">Số hồ sơ tiếp nhận.</param>
/// <param name="Processed">Số hồ sơ đã xử lý, giải quyết.</param>
/// <param name="OnTimeOrEarly">Trước và đúng hạn.</param>
/// <param name="Late">Trễ hạn.</param>
public sealed record ProcedureFigures(int Received, int Processed, int OnTimeOrEarly, int Late)
{
    /// <summary>The largest counter accepted (a typo guard, far above any monthly count).</summary>
    public const int MaxCount = 10_000_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Late dossiers as a whole percent of those processed (half away from zero); null when nothing was processed.</summary>
    public int? LatePercent => Processed <= 0 ? null : (int)Math.Round(Late * 100m / Processed, MidpointRounding.AwayFromZero);

    /// <summary>On time or early as a whole percent: 100 − <see cref="LatePercent"/>, so the two shown always add up to 100.</summary>
    public int? OnTimePercent => LatePercent is { } late ? 100 - late : null;

    /// <summary>The field rules every entry path (form, CSV import, API, demo) shares; field names are the property names.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        Check(Received, nameof(Received), "Số hồ sơ tiếp nhận", errors);
        Check(Processed, nameof(Processed), "Số hồ sơ đã xử lý", errors);
        Check(OnTimeOrEarly, nameof(OnTimeOrEarly), "Số hồ sơ trước và đúng hạn", errors);
        Check(Late, nameof(Late), "Số hồ sơ trễ hạn", errors);
        if (errors.Count == 0 && (long)OnTimeOrEarly + Late != Processed)
        {
            errors.Add(Error.Validation(
                $"Số hồ sơ đã xử lý ({Count(Processed)}) phải bằng số trước và đúng hạn ({Count(OnTimeOrEarly)}) cộng số trễ hạn ({Count(Late)}).",
                nameof(Processed)));
        }

        return errors;
    }

    /// <summary>A count in Vietnamese formatting (1.234).</summary>
    public static string Count(int value) => value.ToString("N0", Vietnamese);

    /// <summary>A percentage in Vietnamese formatting, or "—" when there is none (no dossier processed).</summary>
    public static string Percent(int? value) => value is { } v ? v.ToString("N0", Vietnamese) + "%" : "—";

    private static void Check(int value, string field, string label, List<Error> errors)
    {
        if (value < 0)
        {
            errors.Add(Error.Validation($"{label} không được âm.", field));
        }
        else if (value > MaxCount)
        {
            errors.Add(Error.Validation($"{label} lớn quá mức cho phép ({Count(MaxCount)}).", field));
        }
    }
}

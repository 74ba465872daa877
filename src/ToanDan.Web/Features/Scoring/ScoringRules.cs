using System.Globalization;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Scoring;

/// <summary>One line of a score sheet: a criterion (code "2") or one of its sub-items (code "2.1").</summary>
/// <param name="Code">"1", "2", … for criteria; "1.1", "1.2", … for sub-items.</param>
/// <param name="Title">What is scored.</param>
/// <param name="MaxPoints">The most points the line gives; a criterion with sub-items has the sum of theirs.</param>
/// <param name="Confirmed">False when the line's text or points were not seen in a source (domain.md §2).</param>
public sealed record ScoreItemDefinition(string Code, string Title, decimal MaxPoints, bool Confirmed)
{
    /// <summary>The criterion code of a sub-item ("2" for "2.1"), or null for a criterion.</summary>
    public string? ParentCode => Code.Contains('.', StringComparison.Ordinal) ? Code[..Code.IndexOf('.', StringComparison.Ordinal)] : null;
}

/// <summary>Grade thresholds: the lowest total for each grade above "Yếu".</summary>
/// <param name="Excellent">Lowest total graded Xuất sắc.</param>
/// <param name="Good">Lowest total graded Khá.</param>
/// <param name="Average">Lowest total graded Trung bình; below it is Yếu.</param>
/// <param name="Confirmed">False for the national defaults: QĐ 510's thresholds were not seen (domain.md §2).</param>
public sealed record GradeThresholds(decimal Excellent, decimal Good, decimal Average, bool Confirmed)
{
    /// <summary>Default thresholds (unconfirmed): 90 / 70 / 50.</summary>
    public static GradeThresholds Default { get; } = new(90, 70, 50, false);
}

/// <summary>
/// The pure rules of movement scoring (QĐ 510/QĐ-BCA-V05, 20/01/2022): a 100-point sheet whose sub-items add up to
/// their criterion; totals validated against the maxima; a grade from the thresholds; the reporting deadlines of
/// Điều 11 (KDC 20/11; xã, CQ, DN, CSGD 30/11; huyện 15/12).
/// </summary>
public static class ScoringRules
{
    /// <summary>The full score of a sheet ("điểm chuẩn 100 điểm", QĐ 510/2022).</summary>
    public const decimal FullScore = 100;

    /// <summary>The citation of the deadlines.</summary>
    public const string DeadlineCitation = "QĐ 510/QĐ-BCA-V05 Điều 11";

    /// <summary>
    /// The last day (inclusive) to report the self-score of <paramref name="year"/> (QĐ 510/2022 Điều 11): KDC
    /// 20/11; xã, CQ, DN, CSGD 30/11; huyện 15/12. A district has no deadline from 01/07/2025 (no district level;
    /// the post-2025 equivalent is unconfirmed): null.
    /// </summary>
    public static DateOnly? Deadline(ScoringSubjectKind kind, int year) => kind switch
    {
        ScoringSubjectKind.ResidentialArea => new DateOnly(year, 11, 20),
        ScoringSubjectKind.District => year >= 2025 ? null : new DateOnly(year, 12, 15),
        _ => new DateOnly(year, 11, 30),
    };

    /// <summary>True when the self-score was not sent by the deadline: sent after it, or still unsent after it.</summary>
    public static bool IsOverdue(ScoringSubjectKind kind, int year, DateOnly? submittedOn, DateOnly today)
    {
        var deadline = Deadline(kind, year);
        return deadline is { } last && (submittedOn ?? today) > last;
    }

    /// <summary>The grade of a total (QĐ 510/2022; thresholds configurable, national defaults unconfirmed).</summary>
    public static ScoreGrade Grade(decimal total, GradeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return total >= thresholds.Excellent ? ScoreGrade.Excellent
            : total >= thresholds.Good ? ScoreGrade.Good
            : total >= thresholds.Average ? ScoreGrade.Average
            : ScoreGrade.Weak;
    }

    /// <summary>Thresholds must be ordered within 0–100: 0 ≤ average ≤ good ≤ excellent ≤ 100.</summary>
    public static Error? CheckThresholds(GradeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds.Average < 0 || thresholds.Average > thresholds.Good || thresholds.Good > thresholds.Excellent || thresholds.Excellent > FullScore
            ? Error.Validation("Ngưỡng xếp loại phải tăng dần trong khoảng 0–100: Trung bình ≤ Khá ≤ Xuất sắc.", "Thresholds")
            : null;
    }

    /// <summary>
    /// A sheet is valid when codes are unique, each sub-item belongs to a criterion, sub-items add up to their
    /// criterion's maximum and the criteria add up to 100 points (QĐ 510/2022: thang điểm 100).
    /// </summary>
    public static IReadOnlyList<Error> ValidateSheet(IReadOnlyList<ScoreItemDefinition> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = new List<Error>();
        if (items.Count == 0)
        {
            return [Error.Validation("Bảng điểm chưa có tiêu chí nào.", "Items")];
        }

        foreach (var duplicate in items.GroupBy(i => i.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(Error.Validation($"Mã “{duplicate.Key}” bị trùng.", "Items"));
        }

        foreach (var item in items.Where(i => i.MaxPoints <= 0 || i.MaxPoints > FullScore || decimal.Round(i.MaxPoints, 2) != i.MaxPoints))
        {
            errors.Add(Error.Validation($"Điểm tối đa của “{item.Code}” phải lớn hơn 0, không quá 100 và tối đa 2 chữ số thập phân.", "Items"));
        }

        var criteria = items.Where(i => i.ParentCode is null).ToList();
        foreach (var orphan in items.Where(i => i.ParentCode is { } parent && criteria.All(c => c.Code != parent)))
        {
            errors.Add(Error.Validation($"Mục “{orphan.Code}” không thuộc tiêu chí nào (thiếu tiêu chí “{orphan.ParentCode}”).", "Items"));
        }

        foreach (var criterion in criteria)
        {
            var subs = items.Where(i => i.ParentCode == criterion.Code).ToList();
            if (subs.Count > 0 && subs.Sum(s => s.MaxPoints) != criterion.MaxPoints)
            {
                errors.Add(Error.Validation(
                    $"Tiêu chí “{criterion.Code}” tối đa {Format(criterion.MaxPoints)} điểm nhưng các mục con cộng lại {Format(subs.Sum(s => s.MaxPoints))} điểm.", "Items"));
            }
        }

        var total = criteria.Sum(c => c.MaxPoints);
        if (total != FullScore)
        {
            errors.Add(Error.Validation($"Tổng điểm tối đa của các tiêu chí phải là 100 (hiện là {Format(total)}) — QĐ 510/QĐ-BCA-V05.", "Items"));
        }

        return errors;
    }

    /// <summary>The lines that take points: sub-items, and criteria without sub-items.</summary>
    public static IReadOnlyList<ScoreItemDefinition> Leaves(IReadOnlyList<ScoreItemDefinition> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Where(i => i.ParentCode is not null || items.All(s => s.ParentCode != i.Code)).ToList();
    }

    /// <summary>
    /// The total of <paramref name="points"/> (by leaf code), after checking each is between 0 and its maximum with at
    /// most two decimals, and that every leaf has points. The total can then never exceed 100.
    /// </summary>
    public static Result<decimal> Total(IReadOnlyList<ScoreItemDefinition> items, IReadOnlyDictionary<string, decimal?> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var errors = new List<Error>();
        decimal total = 0;
        foreach (var leaf in Leaves(items))
        {
            if (!points.TryGetValue(leaf.Code, out var value) || value is null)
            {
                errors.Add(Error.Validation($"Chưa chấm mục “{leaf.Code}”.", leaf.Code));
                continue;
            }

            if (value < 0 || value > leaf.MaxPoints || decimal.Round(value.Value, 2) != value)
            {
                errors.Add(Error.Validation($"Điểm mục “{leaf.Code}” phải từ 0 đến {Format(leaf.MaxPoints)} (tối đa 2 chữ số thập phân).", leaf.Code));
                continue;
            }

            total += value.Value;
        }

        foreach (var unknown in points.Keys.Where(k => Leaves(items).All(l => l.Code != k)))
        {
            errors.Add(Error.Validation($"Mục “{unknown}” không có trong bảng điểm.", unknown));
        }

        return errors.Count > 0 ? Result<decimal>.Failure(errors) : total;
    }

    /// <summary>Points as Vietnamese text (comma decimals).</summary>
    public static string Format(decimal points) => points.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}

using System.Globalization;
using ToanDan.Web.Features.Scoring;

namespace ToanDan.Web.Features.Reports;

/// <summary>
/// The per-commune overview as spreadsheet rows (the .xlsx export) and the Vietnamese wording of its cells, shared by the
/// page so that the screen and the file say the same. A commune made of former communes (current tree) is followed by
/// one line per former commune, marked "↳"; the totals line comes last.
/// </summary>
public static class CommuneOverviewSheet
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The column headings.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "Mã xã", "Xã, phường, thị trấn", "Mô hình duy trì đến 31/12", "Mô hình xây dựng trong năm", "Điểm (nơi áp dụng mô hình)", "Tổ",
        "Cơ sở được công nhận An toàn về ANTT", "Cơ sở thuộc diện xét", "Tỷ lệ công nhận (%)", "Cơ sở đã đăng ký",
        "Cơ sở do cấp huyện, tỉnh quản lý được công nhận",
        "Tiêu chí xã (100 % đăng ký, ≥ 70 % công nhận)", "Kết quả An toàn về ANTT của xã", "Điểm phong trào", "Nguồn điểm", "Xếp loại",
    ];

    /// <summary>"Tổng hợp 291 2020".</summary>
    public static string SheetName(BuildCommuneOverview.Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return $"Tổng hợp {overview.Unit.Code} {overview.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"tong-hop-theo-xa-291-2020.xlsx" (with "-hien-hanh" under the current tree).</summary>
    public static string FileName(BuildCommuneOverview.Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return $"tong-hop-theo-xa-{overview.Unit.Code}-{overview.Year.ToString(CultureInfo.InvariantCulture)}{(overview.Tree == ReportTree.Current ? "-hien-hanh" : "")}.xlsx";
    }

    /// <summary>The rows under the header: communes (and their former communes), the models owned above them, the totals.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(BuildCommuneOverview.Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        foreach (var row in overview.Rows)
        {
            var own = row.Alone ? row.Parts[0] : null;
            yield return
            [
                row.Code, row.Name, Number(row.Maintained.Models), Number(row.BuiltInYear), Number(row.Maintained.Points), Number(row.Maintained.Teams),
                Number(row.Places.Recognised), Number(row.Places.Eligible), Percent(row.Places), Number(row.Places.Registered), Number(row.PlacesRecognised - row.Places.Recognised),
                own is null ? $"{Number(row.RuleMet)}/{Number(row.Parts.Count)} xã đáp ứng" : Rule(own.Safety.Rule.Met, own.Safety.Rule.Eligible),
                own is null ? $"{Number(row.Recognised)}/{Number(row.Parts.Count)} xã đạt" : Certification(own.Certification),
                own is null ? null : ScoreText(own.Score), own is null ? null : ScoreSource(own.Score), own is null ? null : GradeText(own.Score),
            ];
            if (!row.Alone)
            {
                foreach (var part in row.Parts)
                {
                    var rule = part.Safety.Rule;
                    yield return
                    [
                        part.Code, "↳ " + part.Name, Number(part.Models.Maintained.Models), Number(part.Models.BuiltInYear), Number(part.Models.Maintained.Points), Number(part.Models.Maintained.Teams),
                        Number(rule.Recognised), Number(rule.Eligible), Percent(rule), Number(rule.Registered), Number(part.Safety.PlacesRecognised - rule.Recognised),
                        Rule(rule.Met, rule.Eligible), Certification(part.Certification), ScoreText(part.Score), ScoreSource(part.Score), GradeText(part.Score),
                    ];
                }
            }
        }

        if (overview.Above is { } above)
        {
            yield return
            [
                overview.Unit.Code, "Mô hình do cấp huyện, tỉnh xây dựng", Number(above.Maintained.Models), Number(above.BuiltInYear), Number(above.Maintained.Points), Number(above.Maintained.Teams),
                null, null, null, null, null, null, null, null, null, null,
            ];
        }

        var places = overview.Places;
        yield return
        [
            overview.Unit.Code, "Tổng cộng: " + overview.Unit.Name, Number(overview.Maintained.Models), Number(overview.BuiltInYear), Number(overview.Maintained.Points), Number(overview.Maintained.Teams),
            Number(places.Recognised), Number(places.Eligible), Percent(places), Number(places.Registered), Number(overview.PlacesRecognised - places.Recognised),
            $"{Number(overview.RuleMet)} xã đáp ứng", $"{Number(overview.Recognised)} xã đạt / {Number(overview.Registered)} xã đăng ký",
            ScoreText(overview.UnitScore), overview.UnitScore is null ? null : ScoreSource(overview.UnitScore) + " (của " + overview.Unit.Name + ")",
            GradeCounts(overview.Grades),
        ];
    }

    /// <summary>The Vietnamese wording of a commune's own result.</summary>
    public static string Certification(CertificationState state) => state switch
    {
        CertificationState.Recognised => "Đạt",
        CertificationState.NotRecognised => "Chưa đạt",
        CertificationState.InProgress => "Đang xét",
        _ => "Chưa đăng ký",
    };

    /// <summary>The derived rule: met, not met, or not assessable (no place taking part).</summary>
    public static string Rule(bool met, int eligible) => eligible == 0 ? "Chưa có cơ sở thuộc diện xét" : met ? "Đáp ứng" : "Chưa đáp ứng";

    /// <summary>The reviewed total, else the self-score (the source column says which); empty without a card or points.</summary>
    public static string? ScoreText(UnitScore? score) => score switch
    {
        { Status: ScoreCardStatus.Reviewed, ReviewedTotal: { } reviewed } => Amount(reviewed),
        { SelfTotal: { } self } => Amount(self),
        _ => null,
    };

    /// <summary>"thẩm định", "tự chấm", or the card's state when it has no total yet.</summary>
    public static string? ScoreSource(UnitScore? score) => score switch
    {
        null => null,
        { Status: ScoreCardStatus.Reviewed, ReviewedTotal: not null } => "thẩm định",
        { SelfTotal: not null } => "tự chấm" + (score.Status == ScoreCardStatus.Submitted ? ", chờ thẩm định" : ""),
        _ => score.Status.Vietnamese(),
    };

    /// <summary>The reviewed grade, else the grade the self-score proposes ("(đề xuất)").</summary>
    public static string? GradeText(UnitScore? score) => score switch
    {
        { Status: ScoreCardStatus.Reviewed, Grade: { } grade } => grade.Vietnamese(),
        { ProposedGrade: { } proposed } => proposed.Vietnamese() + " (đề xuất)",
        _ => null,
    };

    /// <summary>"Xuất sắc 7; Khá 8; Trung bình 4" (reviewed commune cards).</summary>
    public static string GradeCounts(IReadOnlyDictionary<ScoreGrade, int> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        return string.Join("; ", Enum.GetValues<ScoreGrade>().Where(grades.ContainsKey).Select(g => $"{g.Vietnamese()} {Number(grades[g])}"));
    }

    /// <summary>"88,9" (one decimal, Vietnamese comma); empty when no place takes part.</summary>
    public static string? Percent(Safety.CommuneRuleResult places)
    {
        ArgumentNullException.ThrowIfNull(places);
        return places.Eligible == 0 ? null : places.RecognisedPercent.ToString("0.#", Vietnamese);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.##", Vietnamese);
}

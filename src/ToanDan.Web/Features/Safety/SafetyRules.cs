using System.Globalization;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Safety;

/// <summary>An evaluation window: the first and last day (inclusive) of a certification year, and where the rule comes from.</summary>
/// <param name="Start">First day (inclusive).</param>
/// <param name="End">Last day (inclusive).</param>
/// <param name="Citation">The legal basis.</param>
/// <param name="Confirmed">False when the window of the text in force that year was not verified (see domain.md §1).</param>
public sealed record EvaluationWindow(DateOnly Start, DateOnly End, string Citation, bool Confirmed)
{
    public bool Contains(DateOnly date) => Start <= date && date <= End;

    public override string ToString() => $"{VietnamTime.Format(Start)}–{VietnamTime.Format(End)}";
}

/// <summary>Who recognises a subject (TT 124/2021 Điều 10) and whether that is confirmed.</summary>
/// <param name="Level">The level of the people's committee that decides.</param>
/// <param name="Label">The authority in Vietnamese, e.g. "Ủy ban nhân dân cấp xã".</param>
/// <param name="Citation">The legal basis.</param>
/// <param name="Confirmed">False where domain.md marks the rule partial or unconfirmed.</param>
public sealed record DecidingAuthority(ManagingLevel Level, string Label, string Citation, bool Confirmed);

/// <summary>
/// The pure rules of "An toàn về an ninh, trật tự" certification: evaluation windows, the first-quarter
/// registration, exclusions, the deciding authority and the dates of a decision. Every rule names its legal
/// basis; the unit tests cite the same articles.
/// </summary>
public static class SafetyRules
{
    /// <summary>TT 124/2021/TT-BCA came into force on 10/02/2022; earlier years fall under TT 23/2012/TT-BCA.</summary>
    public static readonly DateOnly Tt124InForce = new(2022, 2, 10);

    /// <summary>Two-level local government (Luật 72/2025/QH15) from 01/07/2025.</summary>
    public static readonly DateOnly TwoLevelGovernment = new(2025, 7, 1);

    /// <summary>The first certification year governed by TT 124/2021.</summary>
    public const int FirstTt124Year = 2022;

    /// <summary>
    /// The evaluation window of <paramref name="year"/> (TT 124/2021 Điều 8.2): a residential area from 01/11 of the
    /// previous year to 31/10; a commune, agency, enterprise or school from 16/11 of the previous year to 15/11.
    /// Before 2022 TT 23/2012 applied, whose windows are not verified: the same dates are used and flagged.
    /// </summary>
    public static EvaluationWindow Window(SafetySubjectKind kind, int year)
    {
        var confirmed = year >= FirstTt124Year;
        var basis = confirmed ? "TT 124/2021/TT-BCA Điều 8.2" : "TT 23/2012/TT-BCA (khung thời gian chưa xác minh; tạm áp dụng như TT 124/2021 Điều 8.2)";
        return kind == SafetySubjectKind.ResidentialArea
            ? new EvaluationWindow(new DateOnly(year - 1, 11, 1), new DateOnly(year, 10, 31), basis, confirmed)
            : new EvaluationWindow(new DateOnly(year - 1, 11, 16), new DateOnly(year, 11, 15), basis, confirmed);
    }

    /// <summary>The certification year whose window contains <paramref name="date"/> (TT 124/2021 Điều 8.2).</summary>
    public static int YearOn(SafetySubjectKind kind, DateOnly date)
    {
        var start = kind == SafetySubjectKind.ResidentialArea ? new DateOnly(date.Year, 11, 1) : new DateOnly(date.Year, 11, 16);
        return date >= start ? date.Year + 1 : date.Year;
    }

    /// <summary>
    /// Registration happens in the first quarter of the year (TT 124/2021 Điều 4.1, 5.1, 6.1): null when
    /// <paramref name="registeredOn"/> lies between 01/01 and 31/03 of <paramref name="year"/> and is not in the future.
    /// </summary>
    public static Error? CheckRegistrationDate(int year, DateOnly registeredOn, DateOnly today)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 3, 31);
        if (registeredOn > today)
        {
            return Error.Validation("Ngày đăng ký không được ở tương lai.", "RegisteredOn");
        }

        return registeredOn < first || registeredOn > last
            ? Error.Validation(
                $"Đăng ký xây dựng “An toàn về ANTT” năm {year} phải trong quý I (từ {VietnamTime.Format(first)} đến {VietnamTime.Format(last)}) — TT 124/2021/TT-BCA Điều 4, 5, 6 tiêu chí 1.",
                "RegisteredOn")
            : null;
    }

    /// <summary>
    /// Why a place cannot take part, or null when it can (TT 124/2021 Điều 1): armed-forces units, small and micro
    /// enterprises, primary schools, kindergartens and crèches are outside the circular.
    /// </summary>
    public static string? Exclusion(PlaceKind kind, EnterpriseSize? size, SchoolLevel? level, bool armedForces) => kind switch
    {
        PlaceKind.Agency when armedForces =>
            "Đơn vị thuộc lực lượng vũ trang không thuộc đối tượng xét công nhận “An toàn về ANTT” (TT 124/2021/TT-BCA Điều 1).",
        PlaceKind.Enterprise when size is EnterpriseSize.Micro or EnterpriseSize.Small =>
            $"Doanh nghiệp {(size == EnterpriseSize.Micro ? "siêu nhỏ" : "nhỏ")} không thuộc đối tượng xét công nhận “An toàn về ANTT” (TT 124/2021/TT-BCA Điều 1).",
        PlaceKind.Enterprise when size is null =>
            "Doanh nghiệp chưa có quy mô: hãy cập nhật quy mô (doanh nghiệp nhỏ và siêu nhỏ không thuộc đối tượng của TT 124/2021/TT-BCA Điều 1).",
        PlaceKind.School when level is SchoolLevel.Primary =>
            "Trường tiểu học không thuộc đối tượng xét công nhận “An toàn về ANTT” (TT 124/2021/TT-BCA Điều 1).",
        PlaceKind.School when level is SchoolLevel.Preschool =>
            "Trường mầm non, mẫu giáo, nhà trẻ không thuộc đối tượng xét công nhận “An toàn về ANTT” (TT 124/2021/TT-BCA Điều 1).",
        _ => null,
    };

    /// <summary>True when the place takes part in certification (and counts for its commune's rule).</summary>
    public static bool IsEligible(PlaceKind kind, EnterpriseSize? size, SchoolLevel? level, bool armedForces) =>
        Exclusion(kind, size, level, armedForces) is null;

    /// <summary>
    /// Who recognises (TT 124/2021 Điều 10): the commune people's committee for residential areas and the places it
    /// manages (confirmed); the district committee for communes and district-managed places (partial) until 30/06/2025;
    /// the province for provincial places (unconfirmed) and, from 01/07/2025, for communes (unconfirmed, TT 48/2025).
    /// </summary>
    public static DecidingAuthority Authority(SafetySubjectKind kind, ManagingLevel managedBy, DateOnly onDate)
    {
        if (kind == SafetySubjectKind.ResidentialArea || (kind != SafetySubjectKind.Commune && managedBy == ManagingLevel.Commune))
        {
            return new(ManagingLevel.Commune, "Ủy ban nhân dân cấp xã", "TT 124/2021/TT-BCA Điều 10", true);
        }

        var twoLevel = onDate >= TwoLevelGovernment;
        if (kind == SafetySubjectKind.Commune || managedBy == ManagingLevel.District)
        {
            return twoLevel
                ? new(ManagingLevel.Province, "Ủy ban nhân dân cấp tỉnh", "TT 48/2025/TT-BCA (thẩm quyền sau 01/07/2025 chưa xác minh)", false)
                : new(ManagingLevel.District, "Ủy ban nhân dân cấp huyện", "TT 124/2021/TT-BCA Điều 10 (trích dẫn chưa đầy đủ)", false);
        }

        return new(ManagingLevel.Province, "Ủy ban nhân dân cấp tỉnh", "TT 124/2021/TT-BCA Điều 10 (chưa xác minh)", false);
    }

    /// <summary>
    /// A decision is taken after the evaluation window has closed (TT 124/2021 Điều 8.2, 9), after the evaluation
    /// meeting, and not in the future. Null when <paramref name="decidedOn"/> is acceptable.
    /// </summary>
    public static Error? CheckDecisionDate(SafetySubjectKind kind, int year, DateOnly decidedOn, DateOnly? meetingOn, DateOnly today)
    {
        var window = Window(kind, year);
        if (decidedOn > today)
        {
            return Error.Validation("Ngày quyết định không được ở tương lai.", "DecidedOn");
        }

        if (decidedOn < window.End)
        {
            return Error.Validation(
                $"Chưa hết kỳ đánh giá năm {year} ({window}): không thể quyết định công nhận trước ngày {VietnamTime.Format(window.End)} — {window.Citation}.",
                "DecidedOn");
        }

        return meetingOn is { } meeting && decidedOn < meeting
            ? Error.Validation($"Ngày quyết định phải sau ngày họp bình xét ({VietnamTime.Format(meeting)}).", "DecidedOn")
            : null;
    }

    /// <summary>The evaluation meeting lies within or after the window it evaluates, and not in the future (TT 124/2021 Điều 9.1–9.2).</summary>
    public static Error? CheckMeetingDate(SafetySubjectKind kind, int year, DateOnly meetingOn, DateOnly today)
    {
        var window = Window(kind, year);
        if (meetingOn > today)
        {
            return Error.Validation("Ngày họp không được ở tương lai.", "MeetingOn");
        }

        return meetingOn < window.Start || meetingOn.Year > year + 1
            ? Error.Validation($"Cuộc họp bình xét năm {year} phải diễn ra trong hoặc sau kỳ đánh giá ({window}).", "MeetingOn")
            : null;
    }

    /// <summary>The certification year accepted (2000 to next year).</summary>
    public static Error? CheckYear(int year, DateOnly today) =>
        year < 2000 || year > today.Year + 1
            ? Error.Validation($"Năm xét công nhận phải từ 2000 đến {(today.Year + 1).ToString(CultureInfo.InvariantCulture)}.", "Year")
            : null;
}

/// <summary>The commune's derived criterion (TT 124/2021 Điều 5 tiêu chí 4), computed from its places' records.</summary>
/// <param name="Eligible">Places of the commune that take part (exclusions of Điều 1 left out).</param>
/// <param name="Registered">Of those, registered for the year.</param>
/// <param name="Recognised">Of those, recognised ("đạt").</param>
public sealed record CommuneRuleResult(int Eligible, int Registered, int Recognised)
{
    /// <summary>Share registered, in percent (0 when there is no eligible place).</summary>
    public decimal RegisteredPercent => Eligible == 0 ? 0 : Math.Round(100m * Registered / Eligible, 1);

    /// <summary>Share recognised, in percent (0 when there is no eligible place).</summary>
    public decimal RecognisedPercent => Eligible == 0 ? 0 : Math.Round(100m * Recognised / Eligible, 1);

    /// <summary>100 % of the places registered.</summary>
    public bool AllRegistered => Eligible > 0 && Registered == Eligible;

    /// <summary>At least 70 % recognised (integer arithmetic: 10 × recognised ≥ 7 × eligible).</summary>
    public bool EnoughRecognised => Eligible > 0 && 10 * Recognised >= 7 * Eligible;

    /// <summary>The criterion is met.</summary>
    public bool Met => AllRegistered && EnoughRecognised;

    /// <summary>The explanation shown while evaluating.</summary>
    public string Explanation => Eligible == 0
        ? "Xã chưa có khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc diện xét: chưa đánh giá được tiêu chí này."
        : $"Đăng ký {Registered}/{Eligible} ({RegisteredPercent.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"))} %, cần 100 %); đạt {Recognised}/{Eligible} ({RecognisedPercent.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"))} %, cần ≥ 70 %): {(Met ? "đáp ứng" : "chưa đáp ứng")}.";
}

/// <summary>TT 124/2021/TT-BCA Điều 5 tiêu chí 4: "100 % khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục đăng ký và ≥ 70 % được công nhận".</summary>
public static class CommuneRule
{
    /// <summary>The citation of the rule.</summary>
    public const string Citation = "TT 124/2021/TT-BCA Điều 5 tiêu chí 4";

    /// <summary>Evaluates the rule from counts.</summary>
    public static CommuneRuleResult Evaluate(int eligible, int registered, int recognised)
    {
        if (eligible < 0 || registered < 0 || recognised < 0 || registered > eligible || recognised > registered)
        {
            throw new ArgumentOutOfRangeException(nameof(eligible), "Counts must satisfy 0 ≤ recognised ≤ registered ≤ eligible.");
        }

        return new CommuneRuleResult(eligible, registered, recognised);
    }
}

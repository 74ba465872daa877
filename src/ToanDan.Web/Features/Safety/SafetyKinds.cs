using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Safety;

/// <summary>What a certification is about: a place of one of the four kinds, or a commune-level unit (TT 124/2021 Điều 1).</summary>
public enum SafetySubjectKind
{
    /// <summary>Khu dân cư (Điều 4).</summary>
    ResidentialArea,

    /// <summary>Cơ quan (Điều 6).</summary>
    Agency,

    /// <summary>Doanh nghiệp (Điều 6).</summary>
    Enterprise,

    /// <summary>Cơ sở giáo dục (Điều 7).</summary>
    School,

    /// <summary>Xã, phường, thị trấn, đặc khu (Điều 5).</summary>
    Commune,
}

/// <summary>Where a certification is in its workflow.</summary>
public enum SafetyStatus
{
    /// <summary>Đã đăng ký, đang lập hồ sơ.</summary>
    Draft,

    /// <summary>Đã gửi hồ sơ.</summary>
    Submitted,

    /// <summary>Công an xã đã thẩm định, tổng hợp.</summary>
    Reviewed,

    /// <summary>Đã có quyết định (đạt hoặc chưa đạt).</summary>
    Decided,

    /// <summary>Đã cấp Giấy công nhận.</summary>
    CertificateIssued,
}

/// <summary>The result of a decision (TT 124/2021 Điều 8.1): only "đạt" or "chưa đạt".</summary>
public enum SafetyResult
{
    /// <summary>Đạt tiêu chuẩn "An toàn về ANTT".</summary>
    Recognised,

    /// <summary>Chưa đạt.</summary>
    NotRecognised,
}

/// <summary>The level of government that manages a place, which decides who recognises it (TT 124/2021 Điều 10).</summary>
public enum ManagingLevel
{
    /// <summary>Cấp xã.</summary>
    Commune,

    /// <summary>Cấp huyện (before 1 July 2025).</summary>
    District,

    /// <summary>Cấp tỉnh.</summary>
    Province,
}

/// <summary>The files of a dossier (TT 124/2021 Điều 9, partial).</summary>
public enum SafetyFileKind
{
    /// <summary>Biên bản họp.</summary>
    MeetingMinutes,

    /// <summary>Tờ trình.</summary>
    Submission,

    /// <summary>Báo cáo kết quả.</summary>
    Report,

    /// <summary>Tài liệu khác.</summary>
    Other,
}

/// <summary>Vietnamese labels and mappings of the Safety enums.</summary>
public static class SafetyLabels
{
    public static string Vietnamese(this SafetySubjectKind kind) => kind switch
    {
        SafetySubjectKind.ResidentialArea => "Khu dân cư",
        SafetySubjectKind.Agency => "Cơ quan",
        SafetySubjectKind.Enterprise => "Doanh nghiệp",
        SafetySubjectKind.School => "Cơ sở giáo dục",
        SafetySubjectKind.Commune => "Xã, phường, thị trấn",
        _ => kind.ToString(),
    };

    public static string Vietnamese(this SafetyStatus status) => status switch
    {
        SafetyStatus.Draft => "Đã đăng ký, đang lập hồ sơ",
        SafetyStatus.Submitted => "Đã gửi hồ sơ",
        SafetyStatus.Reviewed => "Công an xã đã thẩm định",
        SafetyStatus.Decided => "Đã quyết định",
        SafetyStatus.CertificateIssued => "Đã cấp Giấy công nhận",
        _ => status.ToString(),
    };

    public static string Vietnamese(this SafetyResult result) => result switch
    {
        SafetyResult.Recognised => "Đạt",
        SafetyResult.NotRecognised => "Chưa đạt",
        _ => result.ToString(),
    };

    public static string Vietnamese(this ManagingLevel level) => level switch
    {
        ManagingLevel.Commune => "Cấp xã",
        ManagingLevel.District => "Cấp huyện",
        ManagingLevel.Province => "Cấp tỉnh",
        _ => level.ToString(),
    };

    public static string Vietnamese(this SafetyFileKind kind) => kind switch
    {
        SafetyFileKind.MeetingMinutes => "Biên bản họp",
        SafetyFileKind.Submission => "Tờ trình",
        SafetyFileKind.Report => "Báo cáo kết quả",
        SafetyFileKind.Other => "Tài liệu khác",
        _ => kind.ToString(),
    };

    /// <summary>The stable key used in figure keys, aligned with <see cref="PlaceLabels.Key"/> (e.g. <c>residentialArea</c>).</summary>
    public static string Key(this SafetySubjectKind kind) => kind == SafetySubjectKind.Commune ? "commune" : kind.ToPlaceKind().Key();

    /// <summary>The subject kind of a place kind.</summary>
    public static SafetySubjectKind ToSubjectKind(this PlaceKind kind) => kind switch
    {
        PlaceKind.ResidentialArea => SafetySubjectKind.ResidentialArea,
        PlaceKind.Agency => SafetySubjectKind.Agency,
        PlaceKind.Enterprise => SafetySubjectKind.Enterprise,
        PlaceKind.School => SafetySubjectKind.School,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The place kind of a subject kind (not defined for communes).</summary>
    public static PlaceKind ToPlaceKind(this SafetySubjectKind kind) => kind switch
    {
        SafetySubjectKind.ResidentialArea => PlaceKind.ResidentialArea,
        SafetySubjectKind.Agency => PlaceKind.Agency,
        SafetySubjectKind.Enterprise => PlaceKind.Enterprise,
        SafetySubjectKind.School => PlaceKind.School,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), "A commune is not a place."),
    };
}

namespace ToanDan.Web.Features.Scoring;

/// <summary>What a movement score card is about (QĐ 510/QĐ-BCA-V05 of 20/01/2022).</summary>
public enum ScoringSubjectKind
{
    /// <summary>Khu dân cư.</summary>
    ResidentialArea,

    /// <summary>Cơ quan.</summary>
    Agency,

    /// <summary>Doanh nghiệp.</summary>
    Enterprise,

    /// <summary>Cơ sở giáo dục.</summary>
    School,

    /// <summary>Xã, phường, thị trấn, đặc khu.</summary>
    Commune,

    /// <summary>Huyện (three-level structure, before 01/07/2025).</summary>
    District,
}

/// <summary>The four score sheets of QĐ 510/2022: KDC, xã, CQ/DN/CSGD together, huyện.</summary>
public enum ScoreSheetKind
{
    /// <summary>Bảng chấm điểm khu dân cư.</summary>
    ResidentialArea,

    /// <summary>Bảng chấm điểm xã, phường, thị trấn.</summary>
    Commune,

    /// <summary>Bảng chấm điểm cơ quan, doanh nghiệp, cơ sở giáo dục (Điều 7).</summary>
    Organisation,

    /// <summary>Bảng chấm điểm huyện.</summary>
    District,
}

/// <summary>Where a score card is.</summary>
public enum ScoreCardStatus
{
    /// <summary>Đang tự chấm.</summary>
    Draft,

    /// <summary>Đã gửi điểm tự chấm lên cấp trên.</summary>
    Submitted,

    /// <summary>Cấp trên đã thẩm định điểm và xếp loại.</summary>
    Reviewed,
}

/// <summary>The movement grade. Xuất sắc, Khá and Trung bình are seen in practice; Yếu and every threshold are unconfirmed (domain.md §2).</summary>
public enum ScoreGrade
{
    /// <summary>Xuất sắc.</summary>
    Excellent,

    /// <summary>Khá.</summary>
    Good,

    /// <summary>Trung bình.</summary>
    Average,

    /// <summary>Yếu (unconfirmed).</summary>
    Weak,
}

/// <summary>Vietnamese labels and mappings of the Scoring enums.</summary>
public static class ScoringLabels
{
    public static string Vietnamese(this ScoringSubjectKind kind) => kind switch
    {
        ScoringSubjectKind.ResidentialArea => "Khu dân cư",
        ScoringSubjectKind.Agency => "Cơ quan",
        ScoringSubjectKind.Enterprise => "Doanh nghiệp",
        ScoringSubjectKind.School => "Cơ sở giáo dục",
        ScoringSubjectKind.Commune => "Xã, phường, thị trấn",
        ScoringSubjectKind.District => "Huyện",
        _ => kind.ToString(),
    };

    public static string Vietnamese(this ScoreSheetKind kind) => kind switch
    {
        ScoreSheetKind.ResidentialArea => "Khu dân cư",
        ScoreSheetKind.Commune => "Xã, phường, thị trấn",
        ScoreSheetKind.Organisation => "Cơ quan, doanh nghiệp, cơ sở giáo dục",
        ScoreSheetKind.District => "Huyện",
        _ => kind.ToString(),
    };

    public static string Vietnamese(this ScoreCardStatus status) => status switch
    {
        ScoreCardStatus.Draft => "Đang tự chấm",
        ScoreCardStatus.Submitted => "Đã gửi, chờ thẩm định",
        ScoreCardStatus.Reviewed => "Đã thẩm định, xếp loại",
        _ => status.ToString(),
    };

    public static string Vietnamese(this ScoreGrade grade) => grade switch
    {
        ScoreGrade.Excellent => "Xuất sắc",
        ScoreGrade.Good => "Khá",
        ScoreGrade.Average => "Trung bình",
        ScoreGrade.Weak => "Yếu",
        _ => grade.ToString(),
    };

    /// <summary>The stable key of a grade in figure keys.</summary>
    public static string Key(this ScoreGrade grade) => grade switch
    {
        ScoreGrade.Excellent => "excellent",
        ScoreGrade.Good => "good",
        ScoreGrade.Average => "average",
        ScoreGrade.Weak => "weak",
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    /// <summary>The sheet a subject kind is scored on.</summary>
    public static ScoreSheetKind SheetKind(this ScoringSubjectKind kind) => kind switch
    {
        ScoringSubjectKind.ResidentialArea => ScoreSheetKind.ResidentialArea,
        ScoringSubjectKind.Commune => ScoreSheetKind.Commune,
        ScoringSubjectKind.District => ScoreSheetKind.District,
        _ => ScoreSheetKind.Organisation,
    };
}

using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Safety;

/// <summary>One criterion of the checklist of a subject kind.</summary>
/// <param name="Code">Stable code, e.g. <c>KDC-1</c>; provincial extras start with the province code.</param>
/// <param name="Text">The criterion in Vietnamese.</param>
/// <param name="Citation">Its legal basis.</param>
/// <param name="Confirmed">False when domain.md marks the text unconfirmed: shown with a warning.</param>
/// <param name="Derived">True for the commune's 100 %/70 % criterion, computed from records rather than ticked.</param>
public sealed record CriterionDefinition(string Code, string Text, string Citation, bool Confirmed, bool Derived = false);

/// <summary>
/// The national criteria of TT 124/2021/TT-BCA Điều 4–7 by subject kind, versioned by period: years from 2022 use
/// TT 124/2021; earlier years fell under TT 23/2012/TT-BCA, whose text was not verified, so the same items are shown
/// flagged as unconfirmed. Provinces add their own criteria (<see cref="SafetyCriterion"/>); a record keeps a copy of
/// the list it was registered with.
/// </summary>
public static class SafetyCriteria
{
    private const string Unverified = "nội dung chưa xác minh";

    private static readonly IReadOnlyList<CriterionDefinition> ResidentialArea =
    [
        new("KDC-1", "Trong quý I, chi bộ có nghị quyết, khu dân cư đăng ký và 100 % hộ gia đình đăng ký xây dựng khu dân cư “An toàn về ANTT”.", "TT 124/2021/TT-BCA Điều 4.1", true),
        new("KDC-2", "Thực hiện đầy đủ chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về bảo đảm ANTT.", "TT 124/2021/TT-BCA Điều 4.2", true),
        new("KDC-3", "Không xảy ra hoạt động chống Đảng, chính quyền, phá hoại công trình trọng điểm, tôn giáo trái pháp luật, lợi dụng tôn giáo, dân tộc, tranh chấp để gây rối, ly khai, mâu thuẫn nội bộ phức tạp kéo dài, kích động…", "TT 124/2021/TT-BCA Điều 4.3", true),
        new("KDC-4", "Kiềm chế, giảm tội phạm, tệ nạn xã hội, tai nạn (" + Unverified + ").", "TT 124/2021/TT-BCA Điều 4.4", false),
        new("KDC-5", "Lực lượng nòng cốt ở cơ sở hoạt động hiệu quả (" + Unverified + ").", "TT 124/2021/TT-BCA Điều 4.5", false),
    ];

    private static readonly IReadOnlyList<CriterionDefinition> Commune =
    [
        new("XA-1", "Trong quý I, Đảng ủy có nghị quyết, Ủy ban nhân dân có kế hoạch và đăng ký; có ít nhất 01 mô hình phong trào hoạt động hiệu quả.", "TT 124/2021/TT-BCA Điều 5.1", true),
        new("XA-2", "Đáp ứng các tiêu chí 2, 3, 4 của Điều 4 (khu dân cư).", "TT 124/2021/TT-BCA Điều 5.2", true),
        new("XA-3", "Công an xã tham mưu hiệu quả; không có cán bộ, chiến sĩ bị kỷ luật.", "TT 124/2021/TT-BCA Điều 5.3", true),
        new("XA-4", "100 % khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục do xã quản lý đăng ký và ít nhất 70 % được công nhận “An toàn về ANTT” (tính từ kết quả của các địa bàn).", CommuneRule.Citation, true, Derived: true),
    ];

    private static IReadOnlyList<CriterionDefinition> Organisation(string prefix) =>
    [
        new($"{prefix}-1", "Trong quý I, có nghị quyết của tổ chức Đảng (nơi có tổ chức Đảng), kế hoạch bảo đảm ANTT và đăng ký.", "TT 124/2021/TT-BCA Điều 6.1", true),
        new($"{prefix}-2", "Có nội quy, quy chế về bảo vệ cơ quan, bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy và bảo vệ môi trường.", "TT 124/2021/TT-BCA Điều 6.2", true),
        new($"{prefix}-3", "100 % cán bộ, người lao động được phổ biến, quán triệt các nội quy, quy chế đó.", "TT 124/2021/TT-BCA Điều 6.3", true),
        new($"{prefix}-4", "Có ít nhất 01 mô hình phong trào hoạt động hiệu quả.", "TT 124/2021/TT-BCA Điều 6.4", true),
        new($"{prefix}-5", "Thực hiện tốt các nội quy, quy chế và phối hợp với chính quyền, Công an cơ sở (" + Unverified + ").", "TT 124/2021/TT-BCA Điều 6.5", false),
    ];

    private static readonly IReadOnlyList<CriterionDefinition> School =
    [
        new("GD-1", "Trong quý I, có kế hoạch bảo đảm ANTT và đăng ký (" + Unverified + ", tương tự Điều 6).", "TT 124/2021/TT-BCA Điều 7", false),
        new("GD-2", "100 % cán bộ, giáo viên, học sinh từ trung học cơ sở trở lên ký cam kết thực hiện (theo TT 23/2012, " + Unverified + ").", "TT 124/2021/TT-BCA Điều 7", false),
        new("GD-3", "Có kế hoạch phối hợp giữa nhà trường, chính quyền địa phương và gia đình (theo TT 23/2012, " + Unverified + ").", "TT 124/2021/TT-BCA Điều 7", false),
    ];

    /// <summary>The name of the version of the national list in force for <paramref name="year"/>.</summary>
    public static string VersionFor(int year) =>
        year >= SafetyRules.FirstTt124Year ? "TT 124/2021/TT-BCA (sửa đổi bởi TT 48/2025/TT-BCA)" : "TT 23/2012/TT-BCA (chưa xác minh; hiển thị tiêu chí tương ứng của TT 124/2021)";

    /// <summary>The national criteria of a kind for a certification year.</summary>
    public static IReadOnlyList<CriterionDefinition> National(SafetySubjectKind kind, int year)
    {
        var list = kind switch
        {
            SafetySubjectKind.ResidentialArea => ResidentialArea,
            SafetySubjectKind.Commune => Commune,
            SafetySubjectKind.Agency => Organisation("CQ"),
            SafetySubjectKind.Enterprise => Organisation("DN"),
            SafetySubjectKind.School => School,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return year >= SafetyRules.FirstTt124Year
            ? list
            : list.Select(c => c with { Confirmed = false, Citation = "TT 23/2012/TT-BCA (chưa xác minh; tương ứng " + c.Citation + ")" }).ToList();
    }
}

/// <summary>A criterion a province adds to the national list of a kind, for a range of years (TT 124/2021 Điều 8.1).</summary>
public sealed class SafetyCriterion : IAudited
{
    public const int CodeMaxLength = 30;
    public const int TextMaxLength = 1000;
    public const int CitationMaxLength = 300;

    private SafetyCriterion()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The province (official code) whose records use it.</summary>
    public string ProvinceCode { get; private set; } = "";

    public SafetySubjectKind Kind { get; private set; }

    public string Code { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>The provincial document that adds it.</summary>
    public string Citation { get; private set; } = "";

    public int FromYear { get; private set; }

    /// <summary>Last year (inclusive); null while in force.</summary>
    public int? ToYear { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    string IAudited.AuditModule => "Safety";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => ProvinceCode;

    public bool AppliesTo(int year) => FromYear <= year && (ToYear is null || year <= ToYear);

    public CriterionDefinition ToDefinition() => new(Code, Text, Citation, true);

    /// <summary>Creates a provincial criterion after checking its fields.</summary>
    public static Result<SafetyCriterion> Create(string provinceCode, SafetySubjectKind kind, string? code, string? text, string? citation, int fromYear, int? toYear, DateTime nowUtc)
    {
        var errors = new List<Error>();
        var cleanCode = VietnameseText.Clean(code).ToUpperInvariant();
        var cleanText = VietnameseText.Clean(text);
        var cleanCitation = VietnameseText.Clean(citation);
        if (cleanCode.Length is 0 or > CodeMaxLength)
        {
            errors.Add(Error.Validation($"Mã tiêu chí phải có từ 1 đến {CodeMaxLength} ký tự.", "Code"));
        }

        if (cleanText.Length is 0 or > TextMaxLength)
        {
            errors.Add(Error.Validation($"Nội dung tiêu chí phải có từ 1 đến {TextMaxLength} ký tự.", "Text"));
        }

        if (cleanCitation.Length is 0 or > CitationMaxLength)
        {
            errors.Add(Error.Validation($"Hãy ghi văn bản quy định tiêu chí (tối đa {CitationMaxLength} ký tự).", "Citation"));
        }

        if (fromYear < 2000 || fromYear > 2100 || (toYear is { } to && to < fromYear))
        {
            errors.Add(Error.Validation("Năm áp dụng không hợp lệ (năm kết thúc không được trước năm bắt đầu).", "FromYear"));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(Error.Validation("Loại đối tượng không hợp lệ.", "Kind"));
        }

        if (errors.Count > 0)
        {
            return Result<SafetyCriterion>.Failure(errors);
        }

        return new SafetyCriterion
        {
            Id = Guid.CreateVersion7(),
            ProvinceCode = provinceCode,
            Kind = kind,
            Code = cleanCode,
            Text = cleanText,
            Citation = cleanCitation,
            FromYear = fromYear,
            ToYear = toYear,
            CreatedAtUtc = nowUtc,
        };
    }
}

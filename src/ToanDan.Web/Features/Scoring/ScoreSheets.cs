using System.Globalization;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Scoring;

/// <summary>A score sheet: national default (in code) or provincial (<see cref="ScoreSheet"/>).</summary>
/// <param name="Key">"national" or the provincial sheet's id.</param>
/// <param name="Kind">Which subjects it scores.</param>
/// <param name="Name">Its name.</param>
/// <param name="Basis">Its legal basis.</param>
/// <param name="FromYear">First year it applies to.</param>
/// <param name="Items">Criteria and sub-items in order.</param>
/// <param name="Thresholds">Grade thresholds.</param>
public sealed record ScoreSheetDefinition(string Key, ScoreSheetKind Kind, string Name, string Basis, int FromYear, IReadOnlyList<ScoreItemDefinition> Items, GradeThresholds Thresholds);

/// <summary>
/// The national default sheets of QĐ 510/QĐ-BCA-V05 (20/01/2022), one per sheet kind, each of 100 points. Only the
/// lines quoted in domain.md §2 are confirmed (CQ/DN Điều 7: 3 points for the Q1 resolution and plan, 3 for ≥ 90 %
/// taking part, 5 for the Ngày hội, 1 for a coordination rule); every other line and the grade thresholds are
/// placeholders marked unconfirmed, which a province replaces by its own sheet.
/// </summary>
public static class NationalScoreSheets
{
    /// <summary>The key of the national sheets.</summary>
    public const string Key = "national";

    /// <summary>The basis of the national sheets.</summary>
    public const string Basis = "QĐ 510/QĐ-BCA-V05 ngày 20/01/2022";

    private static ScoreItemDefinition U(string code, string title, decimal max) => new(code, title + " (chưa xác minh)", max, false);

    private static ScoreItemDefinition C(string code, string title, decimal max) => new(code, title, max, true);

    private static readonly IReadOnlyList<ScoreItemDefinition> ResidentialArea =
    [
        U("1", "Lãnh đạo, chỉ đạo; đăng ký xây dựng khu dân cư “An toàn về ANTT”", 10),
        U("2", "Tuyên truyền, vận động quần chúng", 20),
        U("2.1", "Tuyên truyền, phổ biến pháp luật, vận động nhân dân tham gia phong trào", 10),
        U("2.2", "Tổ chức Ngày hội toàn dân bảo vệ ANTQ", 10),
        U("3", "Xây dựng, duy trì, nhân rộng mô hình tự quản", 20),
        U("4", "Phòng ngừa, phát hiện, tố giác tội phạm, tệ nạn xã hội", 30),
        U("5", "Hoạt động của lực lượng nòng cốt ở cơ sở", 20),
    ];

    private static readonly IReadOnlyList<ScoreItemDefinition> Commune =
    [
        U("1", "Lãnh đạo, chỉ đạo của cấp ủy, chính quyền; kế hoạch, sơ kết, tổng kết", 10),
        U("2", "Tuyên truyền, vận động; Ngày hội toàn dân bảo vệ ANTQ", 15),
        U("3", "Xây dựng, nhân rộng mô hình, điển hình tiên tiến", 15),
        U("4", "Kết quả xây dựng “An toàn về ANTT”", 20),
        U("4.1", "100 % khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục đăng ký", 5),
        U("4.2", "Từ 70 % trở lên được công nhận", 15),
        U("5", "Phòng ngừa, đấu tranh với tội phạm, tệ nạn xã hội", 25),
        U("6", "Lực lượng nòng cốt, Công an xã", 15),
    ];

    private static readonly IReadOnlyList<ScoreItemDefinition> Organisation =
    [
        new("1", "Lãnh đạo, chỉ đạo, xây dựng kế hoạch", 10, false),
        C("1.1", "Trong quý I có nghị quyết, kế hoạch; sơ kết, tổng kết, báo cáo đúng quy định", 3),
        U("1.2", "Các nội dung lãnh đạo, chỉ đạo khác", 7),
        new("2", "Tuyên truyền, vận động, tham gia phong trào", 20, false),
        C("2.1", "Từ 90 % cán bộ, người lao động trở lên tham gia phong trào", 3),
        C("2.2", "Tổ chức hoặc tham gia Ngày hội toàn dân bảo vệ ANTQ", 5),
        U("2.3", "Các nội dung tuyên truyền, vận động khác", 12),
        new("3", "Phối hợp với chính quyền, Công an địa phương", 10, false),
        C("3.1", "Có quy chế phối hợp", 1),
        U("3.2", "Thực hiện quy chế phối hợp", 9),
        U("4", "Xây dựng, duy trì mô hình, điển hình tiên tiến", 20),
        U("5", "Kết quả bảo đảm an ninh, trật tự nội bộ", 40),
    ];

    private static readonly IReadOnlyList<ScoreItemDefinition> District =
    [
        U("1", "Lãnh đạo, chỉ đạo; hoạt động của Ban Chỉ đạo", 15),
        U("2", "Hướng dẫn, kiểm tra cơ sở", 15),
        U("3", "Tuyên truyền; Ngày hội toàn dân bảo vệ ANTQ", 15),
        U("4", "Mô hình, điển hình tiên tiến", 15),
        U("5", "Kết quả xây dựng xã, khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục “An toàn về ANTT”", 20),
        U("6", "Phòng ngừa, đấu tranh với tội phạm", 20),
    ];

    /// <summary>The national sheet of a kind for a year (before 2022 QĐ 510 was not in force: the same sheet, so named).</summary>
    public static ScoreSheetDefinition For(ScoreSheetKind kind, int year)
    {
        var items = kind switch
        {
            ScoreSheetKind.ResidentialArea => ResidentialArea,
            ScoreSheetKind.Commune => Commune,
            ScoreSheetKind.Organisation => Organisation,
            ScoreSheetKind.District => District,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var name = $"Bảng chấm điểm phong trào — {kind.Vietnamese()}";
        var basis = year >= 2022 ? Basis : Basis + " (năm trước 2022: tiêu chí khi đó chưa xác minh, tạm dùng bảng này)";
        return new ScoreSheetDefinition(Key, kind, name, basis, 2022, items, GradeThresholds.Default);
    }
}

/// <summary>A province's own score sheet for a kind from a year on (QĐ 510/2022 localised by the province).</summary>
public sealed class ScoreSheet : IAudited
{
    public const int NameMaxLength = 200;
    public const int BasisMaxLength = 300;
    public const int LinesMaxLength = 20_000;

    private readonly List<ScoreSheetItem> _items = [];

    private ScoreSheet()
    {
    }

    public Guid Id { get; private set; }

    public string ProvinceCode { get; private set; } = "";

    public ScoreSheetKind Kind { get; private set; }

    public int FromYear { get; private set; }

    public string Name { get; private set; } = "";

    public string Basis { get; private set; } = "";

    public decimal ExcellentFrom { get; private set; }

    public decimal GoodFrom { get; private set; }

    public decimal AverageFrom { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<ScoreSheetItem> Items => _items;

    string IAudited.AuditModule => "Scoring";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => ProvinceCode;

    public ScoreSheetDefinition ToDefinition() => new(
        Id.ToString(), Kind, Name, Basis, FromYear,
        _items.OrderBy(i => i.Position).Select(i => new ScoreItemDefinition(i.Code, i.Title, i.MaxPoints, true)).ToList(),
        new GradeThresholds(ExcellentFrom, GoodFrom, AverageFrom, true));

    /// <summary>Creates a provincial sheet from lines "code | title | max points", after checking the whole sheet.</summary>
    public static Result<ScoreSheet> Create(string provinceCode, ScoreSheetKind kind, int fromYear, string? name, string? basis, string? lines, GradeThresholds thresholds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var errors = new List<Error>();
        var cleanName = VietnameseText.Clean(name);
        var cleanBasis = VietnameseText.Clean(basis);
        if (cleanName.Length is 0 or > NameMaxLength)
        {
            errors.Add(Error.Validation($"Tên bảng điểm phải có từ 1 đến {NameMaxLength} ký tự.", "Name"));
        }

        if (cleanBasis.Length is 0 or > BasisMaxLength)
        {
            errors.Add(Error.Validation($"Hãy ghi văn bản của tỉnh quy định bảng điểm (tối đa {BasisMaxLength} ký tự).", "Basis"));
        }

        if (fromYear < 2000 || fromYear > 2100)
        {
            errors.Add(Error.Validation("Năm áp dụng không hợp lệ.", "FromYear"));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(Error.Validation("Loại bảng điểm không hợp lệ.", "Kind"));
        }

        if (ScoringRules.CheckThresholds(thresholds) is { } thresholdError)
        {
            errors.Add(thresholdError);
        }

        var parsed = ParseLines(lines);
        errors.AddRange(parsed.Errors);
        if (parsed.Errors.Count == 0)
        {
            errors.AddRange(ScoringRules.ValidateSheet(parsed.Items));
        }

        if (errors.Count > 0)
        {
            return Result<ScoreSheet>.Failure(errors);
        }

        var sheet = new ScoreSheet
        {
            Id = Guid.CreateVersion7(),
            ProvinceCode = provinceCode,
            Kind = kind,
            FromYear = fromYear,
            Name = cleanName,
            Basis = cleanBasis,
            ExcellentFrom = thresholds.Excellent,
            GoodFrom = thresholds.Good,
            AverageFrom = thresholds.Average,
            CreatedAtUtc = nowUtc,
        };
        var position = 0;
        foreach (var item in parsed.Items)
        {
            sheet._items.Add(ScoreSheetItem.Create(sheet.Id, item, position++));
        }

        return sheet;
    }

    /// <summary>The sheet as lines "code | title | max points", the format of the edit form.</summary>
    public static string ToLines(IEnumerable<ScoreItemDefinition> items) =>
        string.Join("\n", items.Select(i => $"{i.Code} | {i.Title} | {i.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)}"));

    /// <summary>Parses lines "code | title | max points" (comma or dot decimals); each bad line is named.</summary>
    public static (IReadOnlyList<ScoreItemDefinition> Items, IReadOnlyList<Error> Errors) ParseLines(string? lines)
    {
        var items = new List<ScoreItemDefinition>();
        var errors = new List<Error>();
        var text = lines ?? "";
        if (text.Length > LinesMaxLength)
        {
            return (items, [Error.Validation($"Nội dung bảng điểm tối đa {LinesMaxLength} ký tự.", "Lines")]);
        }

        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var parts = raw.Split('|');
            if (parts.Length != 3)
            {
                errors.Add(Error.Validation($"Dòng {number}: cần đúng 3 phần “mã | nội dung | điểm tối đa”.", "Lines"));
                continue;
            }

            var code = parts[0].Trim();
            var title = VietnameseText.Clean(parts[1]);
            var valid = System.Text.RegularExpressions.Regex.IsMatch(code, @"^\d{1,2}(\.\d{1,2})?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            if (!valid)
            {
                errors.Add(Error.Validation($"Dòng {number}: mã “{code}” phải có dạng 1 hoặc 1.1.", "Lines"));
                continue;
            }

            if (title.Length is 0 or > ScoreSheetItem.TitleMaxLength)
            {
                errors.Add(Error.Validation($"Dòng {number}: nội dung phải có từ 1 đến {ScoreSheetItem.TitleMaxLength} ký tự.", "Lines"));
                continue;
            }

            if (!decimal.TryParse(parts[2].Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var max))
            {
                errors.Add(Error.Validation($"Dòng {number}: điểm tối đa “{parts[2].Trim()}” không phải là số.", "Lines"));
                continue;
            }

            items.Add(new ScoreItemDefinition(code, title, max, true));
        }

        return (items, errors);
    }
}

/// <summary>A line of a provincial sheet.</summary>
public sealed class ScoreSheetItem
{
    public const int CodeMaxLength = 10;
    public const int TitleMaxLength = 500;

    private ScoreSheetItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid SheetId { get; private set; }

    public int Position { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public decimal MaxPoints { get; private set; }

    internal static ScoreSheetItem Create(Guid sheetId, ScoreItemDefinition item, int position) => new()
    {
        Id = Guid.CreateVersion7(),
        SheetId = sheetId,
        Position = position,
        Code = item.Code,
        Title = item.Title,
        MaxPoints = item.MaxPoints,
    };
}

using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>
/// The spreadsheet layout of places, shared by the import template, the import and the list export, so that
/// an exported list can be edited and imported again. Values are the Vietnamese labels; dates are dd/MM/yyyy.
/// </summary>
public static class PlaceSheet
{
    /// <summary>A column: its English key, the Vietnamese header written in files, and other header spellings accepted.</summary>
    public sealed record Column(string Key, string Header, bool Required, string Accepts, IReadOnlyList<string> Aliases);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("commune_code", "Mã xã", true, "mã 5 chữ số của xã, phường, thị trấn, đặc khu", ["commune", "mã đơn vị", "mã xã phường"]),
        new("kind", "Loại", true, string.Join(", ", PlaceLabels.Kinds.Values), ["loại địa bàn"]),
        new("name", "Tên", true, "tên địa bàn", ["tên địa bàn"]),
        new("subtype", "Phân loại", false, "ví dụ: " + string.Join(", ", PlaceLabels.ResidentialSubtypes.Take(4)) + "…", []),
        new("address", "Địa chỉ", false, "tùy chọn", []),
        new("enterprise_size", "Quy mô doanh nghiệp", false, string.Join(", ", PlaceLabels.Sizes.Values) + " (bắt buộc với doanh nghiệp)", ["quy mô", "size"]),
        new("school_level", "Cấp học", false, string.Join(", ", PlaceLabels.SchoolLevels.Values) + " (bắt buộc với cơ sở giáo dục)", ["school level"]),
        new("armed_forces", "Lực lượng vũ trang", false, "có / không (chỉ với cơ quan; để trống là không)", ["llvt", "thuộc lực lượng vũ trang"]),
        new("valid_from", "Ngày bắt đầu", true, "dd/MM/yyyy hoặc yyyy-MM-dd", ["từ ngày", "hiệu lực từ"]),
        new("valid_to", "Ngày hết hiệu lực", false, "ngày đầu tiên địa bàn không còn; để trống nếu vẫn còn", ["đến ngày", "hết hiệu lực"]),
    ];

    /// <summary>The header row written in files.</summary>
    public static IReadOnlyList<string> Header { get; } = Columns.Select(c => c.Header).ToList();

    /// <summary>Folds a header for matching: no case, no diacritics, letters and digits only ("Mã xã" → "maxa").</summary>
    public static string HeaderKey(string? header) => new(VietnameseText.Fold(header).Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>The column a header names, if any.</summary>
    public static Column? Find(string? header)
    {
        var key = HeaderKey(header);
        return key.Length == 0
            ? null
            : Columns.FirstOrDefault(c => HeaderKey(c.Key) == key || HeaderKey(c.Header) == key || c.Aliases.Any(a => HeaderKey(a) == key));
    }

    /// <summary>A place as one row of cells, in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<string> Cells(string communeCode, PlaceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return
        [
            communeCode,
            PlaceLabels.Kinds[details.Kind],
            details.Name,
            details.Subtype ?? "",
            details.Address ?? "",
            details.EnterpriseSize is { } size ? PlaceLabels.Sizes[size] : "",
            details.SchoolLevel is { } level ? PlaceLabels.SchoolLevels[level] : "",
            details.Kind == PlaceKind.Agency ? (details.IsArmedForces ? "có" : "không") : "",
            VietnamTime.Format(details.ValidFrom),
            details.ValidTo is { } to ? VietnamTime.Format(to) : "",
        ];
    }

    /// <summary>A CSV file (UTF-8 with BOM) of places.</summary>
    public static byte[] Csv(IEnumerable<(string CommuneCode, PlaceDetails Details)> places) =>
        CsvFiles.Document(Header, places.Select(p => Cells(p.CommuneCode, p.Details)));

    /// <summary>An .xlsx file of places.</summary>
    public static byte[] Xlsx(IEnumerable<(string CommuneCode, PlaceDetails Details)> places) =>
        XlsxWriter.Write("Địa bàn", Header, places.Select(p => Cells(p.CommuneCode, p.Details)));
}

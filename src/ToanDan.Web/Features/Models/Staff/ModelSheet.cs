using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// The spreadsheet layout of a model list, shared by the .xlsx export and the import, so that an exported list can
/// be edited and imported elsewhere. Headers are matched without case or diacritics; English keys are accepted too.
/// </summary>
public static class ModelSheet
{
    /// <summary>A column: English key, Vietnamese header, whether required, what it accepts, other spellings.</summary>
    public sealed record Column(string Key, string Header, bool Required, string Accepts, IReadOnlyList<string> Aliases);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("unit_code", "Mã đơn vị", true, "mã đơn vị hành chính xây dựng mô hình (xã: 5 chữ số)", ["mã xã", "đơn vị", "unit"]),
        new("name", "Tên mô hình", true, "tên của mô hình", ["tên", "mô hình"]),
        new("kind", "Loại mô hình", true, "tên hoặc mã trong danh mục loại mô hình", ["loại"]),
        new("field", "Lĩnh vực", true, "tên hoặc mã trong danh mục lĩnh vực", ["lĩnh vực hoạt động"]),
        new("established_on", "Ngày thành lập", true, "dd/MM/yyyy", ["ngày ra mắt", "ngày xây dựng"]),
        new("status", "Trạng thái", false, "đang duy trì, tạm dừng, đã giải thể (để trống là đang duy trì)", ["tình trạng"]),
        new("status_on", "Ngày đổi trạng thái", false, "dd/MM/yyyy; bắt buộc khi tạm dừng hoặc giải thể", ["ngày giải thể", "ngày tạm dừng"]),
        new("is_cluster", "Cụm liên kết", false, "có / không (để trống là không)", ["cluster"]),
        new("cluster_units", "Đơn vị tham gia cụm", false, "mã các đơn vị, cách nhau bởi dấu chấm phẩy", ["đơn vị liên kết"]),
        new("points", "Số điểm", false, "số nguyên ≥ 0; mỗi điểm được tạo tại đơn vị xây dựng, sửa sau trên trang mô hình", ["số điểm nhân rộng"]),
        new("teams", "Số tổ", false, "số nguyên ≥ 0, chia đều cho các điểm", ["số tổ, nhóm"]),
        new("members", "Số thành viên", false, "số nguyên ≥ 0, chia đều cho các điểm", ["số người tham gia", "thành viên"]),
        new("description", "Mô tả", false, "tùy chọn", ["ghi chú"]),
    ];

    /// <summary>The header row written in files.</summary>
    public static IReadOnlyList<string> Header { get; } = Columns.Select(c => c.Header).ToList();

    /// <summary>Folds a header for matching: letters and digits only, no case, no diacritics.</summary>
    public static string HeaderKey(string? header) => new(VietnameseText.Fold(header).Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>The column a header names, if any.</summary>
    public static Column? Find(string? header)
    {
        var key = HeaderKey(header);
        return key.Length == 0
            ? null
            : Columns.FirstOrDefault(c => HeaderKey(c.Key) == key || HeaderKey(c.Header) == key || c.Aliases.Any(a => HeaderKey(a) == key));
    }

    /// <summary>The position of a column key in <see cref="Columns"/>.</summary>
    public static int IndexOf(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown column.");
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Audit.Staff;

/// <summary>The audit viewer: filters, pages, and exports of what the filters select.</summary>
[Authorize(Policy = AuditPermissions.View)]
public sealed class IndexModel(ListAuditEntries.Handler handler, ToanDanDb db, PermissionCatalog catalog) : PageModel
{
    [FromQuery(Name = "from")]
    public string? FromText { get; set; }

    [FromQuery(Name = "to")]
    public string? ToText { get; set; }

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "module")]
    public string? Module { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "unit")]
    public string? Unit { get; set; }

    [FromQuery(Name = "entity")]
    public string? Entity { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public string? Message { get; private set; }

    public ListAuditEntries.Listing Listing { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public bool CanVerify => User.Assignments().Any(a => catalog.Grants(a.Role, AuditPermissions.Verify));

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (!ReadDates())
        {
            Listing = new([], 0, 1, 1);
            return Page();
        }

        var query = new ListAuditEntries.Query(From, To, Actor, Module, Action, Unit, Entity, PageNumber, User);
        if (format is "csv" or "xlsx")
        {
            var rows = await handler.ExportAsync(query, ct);
            return format == "csv" ? Csv(rows) : Xlsx(rows);
        }

        if (format is not null)
        {
            return BadRequest();
        }

        Listing = await handler.HandleAsync(query, ct);
        Modules = await db.AuditEntries.AsNoTracking().Select(e => e.Module).Distinct().OrderBy(m => m).ToListAsync(ct);
        Actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("Index", Values(page))!;

    public string ExportUrl(string format)
    {
        var values = Values(null);
        values["format"] = format;
        return Url.Page("Index", values)!;
    }

    private Dictionary<string, object?> Values(int? page) => new()
    {
        ["from"] = FromText,
        ["to"] = ToText,
        ["actor"] = Actor,
        ["module"] = Module,
        ["action"] = Action,
        ["unit"] = Unit,
        ["entity"] = Entity,
        ["page"] = page,
    };

    private bool ReadDates()
    {
        if (!string.IsNullOrWhiteSpace(FromText))
        {
            if (!VietnamTime.TryParseDate(FromText, out var from))
            {
                Message = $"Ngày '{FromText}' không hợp lệ.";
                return false;
            }

            From = from;
        }

        if (!string.IsNullOrWhiteSpace(ToText))
        {
            if (!VietnamTime.TryParseDate(ToText, out var to))
            {
                Message = $"Ngày '{ToText}' không hợp lệ.";
                return false;
            }

            To = to;
        }

        if (From > To)
        {
            Message = "Ngày bắt đầu phải trước ngày kết thúc.";
            return false;
        }

        return true;
    }

    private static readonly string[] Header = ["Số", "Thời điểm (giờ Việt Nam)", "Người thao tác", "Mã đơn vị", "Phân hệ", "Loại bản ghi", "Mã bản ghi", "Thao tác", "Thay đổi", "Địa chỉ IP"];

    private static IEnumerable<string?[]> Cells(IReadOnlyList<ListAuditEntries.Row> rows) => rows.Select(r => new string?[]
    {
        r.Sequence.ToString(CultureInfo.InvariantCulture), VietnamTime.Format(r.OccurredAtUtc), r.Actor, r.UnitCode, r.Module, r.EntityType, r.EntityId, r.Action, r.Changes, r.ClientIp,
    });

    private FileContentResult Csv(IReadOnlyList<ListAuditEntries.Row> rows)
    {
        var builder = new StringBuilder();
        builder.Append('\uFEFF').Append(CsvFiles.Line(Header)).Append("\r\n");
        foreach (var cells in Cells(rows))
        {
            builder.Append(CsvFiles.Line(cells)).Append("\r\n");
        }

        return File(Encoding.UTF8.GetBytes(builder.ToString()), "text/csv; charset=utf-8", FileName("csv"));
    }

    private FileContentResult Xlsx(IReadOnlyList<ListAuditEntries.Row> rows) =>
        File(Infrastructure.Spreadsheets.XlsxWriter.Write("Nhật ký", Header, Cells(rows)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));

    private static string FileName(string extension) => $"nhat-ky-thao-tac.{extension}";
}

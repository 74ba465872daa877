using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary><c>/staff/tips</c>: the tips in scope — all, mine, overdue, due soon — with filters, reminders and .xlsx export.</summary>
[Authorize(Policy = TipsPermissions.View)]
public sealed class IndexModel(ListTips.Handler handler, AuditTrail audit, ToanDan.Web.Data.ToanDanDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<ListTips.Row> Rows { get; private set; } = [];

    public IReadOnlyList<ListTips.Reminder> Reminders { get; private set; } = [];

    public ListTips.View CurrentView { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await handler.HandleAsync(User, Query(), ct);
        Reminders = await handler.RemindersAsync(User, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await handler.HandleAsync(User, Query(), ct);
        string[] header = ["Số hiệu", "Đơn vị tiếp nhận", "Ngày tiếp nhận", "Hình thức", "Loại tin", "Lĩnh vực", "Tình trạng", "Cán bộ thụ lý", "Hạn chuyển CQĐT", "Hạn giải quyết", "Tình trạng thời hạn", "Kết quả", "Có giá trị"];
        var bytes = XlsxWriter.Write("Tin báo", header, rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Reference, r.UnitCode, VietnamTime.Format(r.ReceivedAtUtc), r.Channel.Vietnamese(), r.Kind.Vietnamese(), r.Category.Vietnamese(),
            r.Status.Vietnamese(), r.AssignedName, VietnamTime.Format(r.TransferDueUtc), VietnamTime.Format(r.DecisionDueOn), r.Worst.Vietnamese(),
            r.Outcome?.Vietnamese(), r.Valuable ? "Có" : "",
        ]));
        audit.Add("Tips", "TipList", "export", "tips.export", null, $"{rows.Count} dòng");
        await db.SaveChangesAsync(ct);
        return File(bytes, XlsxWriter.ContentType, $"tin-bao-{VietnamTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    private ListTips.Query Query()
    {
        CurrentView = TipNames.TryParse<ListTips.View>(View, out var view) ? view : ListTips.View.All;
        return new ListTips.Query(
            CurrentView,
            TipNames.TryParse<TipStatus>(Status, out var status) ? status : null,
            TipNames.TryParse<TipKind>(Kind, out var kind) ? kind : null,
            TipNames.TryParse<TipChannel>(Channel, out var channel) ? channel : null,
            Unit is { Length: > 0 and <= Tip.UnitCodeMaxLength } ? Unit : null,
            Year);
    }

    /// <summary>The current filters with another view, for the tabs and the export link.</summary>
    public Dictionary<string, string> RouteWith(string? view) => new(StringComparer.Ordinal)
    {
        ["view"] = view ?? "",
        ["status"] = Status ?? "",
        ["kind"] = Kind ?? "",
        ["channel"] = Channel ?? "",
        ["unit"] = Unit ?? "",
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture) ?? "",
    };
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>The accounts in the administrator's scope: search, filters, pages and a CSV export.</summary>
[Authorize(Policy = AccountsPermissions.ManageUsers)]
[HandlerRequired]
public sealed class IndexModel(ListUsers.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    // Not "page": Razor Pages keeps the page path under that route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public ListUsers.Listing? Listing { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, Query(), allPages: false, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors.Select(e => e.Message).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Listing = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(User, Query(), allPages: true, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors.Select(e => e.Message).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var csv = new StringBuilder();
        csv.AppendLine(CsvFiles.Line(["Tên đăng nhập", "Họ tên", "Thư điện tử", "Vai trò", "Xác thực hai bước", "Trạng thái", "Ngày tạo"]));
        foreach (var row in result.Value.Rows)
        {
            csv.AppendLine(CsvFiles.Line(
            [
                row.UserName,
                row.FullName,
                row.Email,
                string.Join("; ", row.Roles.Select(r => $"{r.Role.Vietnamese()} — {AccountLabels.Unit(r.UnitCode, r.UnitName)}")),
                row.TwoFactorEnabled ? "bật" : "tắt",
                StatusText(row),
                VietnamTime.Format(DateOnly.FromDateTime(VietnamTime.ToVietnam(row.CreatedAtUtc).DateTime)),
            ]));
        }

        // Vietnamese whatever the interface language, like the headers. A byte-order mark so that spreadsheet
        // programs read the Vietnamese letters as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        Response.Headers.CacheControl = "no-store";
        return File(bytes, "text/csv; charset=utf-8", "tai-khoan.csv");
    }

    /// <summary>The listing's status words.</summary>
    public static string StatusText(ListUsers.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.IsDisabled ? "Đã vô hiệu hóa" : row.IsLockedOut ? "Đang tạm khóa" : "Đang hoạt động";
    }

    /// <summary>This listing's address with another page number (or as CSV).</summary>
    public string Link(int? page, bool csv = false)
    {
        var query = new Dictionary<string, string?>();
        if (csv)
        {
            query["handler"] = "Csv";
        }

        if (!string.IsNullOrEmpty(Q))
        {
            query["q"] = Q;
        }

        if (!string.IsNullOrEmpty(Role))
        {
            query["role"] = Role;
        }

        if (!string.IsNullOrEmpty(Status))
        {
            query["status"] = Status;
        }

        if (page is > 1)
        {
            query["p"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/staff/users", query);
    }

    private ListUsers.Query Query() => new()
    {
        Q = Q,
        Role = Role,
        Status = Status,
        Page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1,
    };
}

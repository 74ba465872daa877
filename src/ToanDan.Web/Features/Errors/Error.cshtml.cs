using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ToanDan.Web.Features.Errors;

/// <summary>The friendly error page: 404 and other status codes, and unhandled exceptions (with a trace id, never a stack trace).</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public string? TraceId { get; private set; }

    // No model binding: a failed POST is re-executed here, and its unreadable form (too large, say) would
    // make binding fail and lose the status code.
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        int? status = int.TryParse(RouteData.Values["status"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var code = failed ? StatusCodes.Status500InternalServerError : status ?? StatusCodes.Status500InternalServerError;

        // /loi/{status} is also reachable by hand: only error statuses are echoed, anything else is "not found".
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            404 => ("Không tìm thấy trang", "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ."),
            400 => ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ. Hãy thử lại."),
            403 => ("Không có quyền truy cập", "Bạn không có quyền xem trang này."),
            405 => ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác vừa thực hiện."),
            413 => ("Tệp quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép. Hãy chia nhỏ tệp rồi gửi lại."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu. Hãy đợi một lát rồi thử lại."),
            _ when code >= 500 => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố khi xử lý yêu cầu. Chúng tôi đã ghi nhận; hãy thử lại sau."),
            _ => ("Có lỗi", "Không xử lý được yêu cầu."),
        };
        if (code >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// Import of an existing model list from Excel (<see cref="ImportModels"/>): upload, preview every row with its
/// errors, then confirm with the protected token of the preview (the rows themselves are never posted back).
/// </summary>
[Authorize(Policy = ModelsPermissions.Edit)]
[BodySizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class ImportModel(ImportModels.Handler handler) : PageModel
{
    private const int RequestLimit = ImportModels.MaxFileBytes + (1024 * 1024);

    public ImportModels.Preview? Preview { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(ImportModels.Template(), XlsxWriter.ContentType, "mau-nhap-mo-hinh.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problems = ["Hãy chọn một tệp Excel (.xlsx) có dữ liệu để tải lên."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (file.Length > ImportModels.MaxFileBytes)
        {
            Problems = [$"Tệp lớn hơn {ImportModels.MaxFileBytes / 1024 / 1024} MB."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        Preview = await handler.PreviewAsync(Path.GetFileName(file.FileName), content, User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? token, CancellationToken ct)
    {
        var result = await handler.ConfirmAsync(token, User, ct);
        if (!result.IsSuccess)
        {
            Problems = result.Errors.Select(e => e.Message).ToList();
            Response.StatusCode = result.Errors[0].Code == ErrorCodes.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        Message = $"Đã nhập {result.Value} mô hình.";
        return RedirectToPage();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>
/// Import of places from CSV or XLSX (<see cref="ImportPlaces"/>): upload, preview every row with its errors,
/// then confirm. The confirm step posts only the protected token of the preview, never the rows themselves.
/// </summary>
// The file may be up to 5 MB (checked below, with a message); the body limit leaves room for the form around it.
[Authorize(Policy = UnitsPermissions.EditPlaces)]
[BodySizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class PlacesImportModel(ImportPlaces.Handler handler) : PageModel
{
    private const int RequestLimit = ImportPlaces.MaxFileBytes + (1024 * 1024);

    public ImportPlaces.Preview? Preview { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Comma-separated codes of the communes that received places in the last import.</summary>
    [TempData]
    public string? ImportedCommunes { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problems = ["Hãy chọn một tệp CSV hoặc Excel (.xlsx) có dữ liệu để tải lên."];
            return Page();
        }

        if (file.Length > ImportPlaces.MaxFileBytes)
        {
            Problems = [$"Tệp lớn hơn {ImportPlaces.MaxFileBytes / 1024 / 1024} MB. Hãy chia thành nhiều tệp nhỏ hơn."];
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

        Message = $"Đã nhập {result.Value.Count} địa bàn.";
        ImportedCommunes = string.Join(",", result.Value.CommuneCodes.Take(100));
        return RedirectToPage();
    }
}

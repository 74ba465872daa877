using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Media.Staff;

/// <summary>The media library (<c>/staff/media</c>): upload an image with its alt text, see the images in scope, delete unused ones.</summary>
[Authorize(Policy = NewsPermissions.Edit)]
[BodySizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(ListMedia.Handler list, UploadMedia.Handler upload, DeleteMedia.Handler delete, NewsAccess access) : PageModel
{
    /// <summary>The form's cap: the largest image the default configuration accepts plus the other fields.</summary>
    public const long MaxRequestBytes = (10L * 1024 * 1024) + (64 * 1024);

    public IReadOnlyList<ListMedia.Row> Items { get; private set; } = [];

    public IReadOnlyList<string> Units { get; private set; } = [];

    [BindProperty]
    public string? UnitCode { get; set; }

    [BindProperty]
    public string? Alt { get; set; }

    [TempData(Key = "MediaMessage")]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        var result = await upload.HandleAsync(User, new UploadMedia.Command(UnitCode, file?.FileName, file?.Length ?? 0, stream, Alt), ct);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        Message = $"Đã tải ảnh lên ({result.Value.Width}×{result.Value.Height}, {result.Value.Widths.Count} cỡ).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await delete.HandleAsync(User, id, ct);
        if (!result.IsSuccess)
        {
            if (result.Errors[0].Code == ErrorCodes.NotFound)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, result.Errors[0].Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(ct);
            return Page();
        }

        Message = "Đã xóa ảnh.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await list.HandleAsync(User, null, ct);
        Units = access.PortalUnits(User);
    }
}

using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.ProcedureStats.Staff;

/// <summary>Upload of monthly counters as CSV (<see cref="ImportProcedurePeriods"/>): every row is saved, or none.</summary>
[Authorize(Policy = ProcedureStatsPermissions.Edit)]
[BodySizeLimit(MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024))]
public sealed class ImportModel(ImportProcedurePeriods.Handler handler) : PageModel
{
    public const int MaxFileBytes = 1024 * 1024;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<SaveProcedurePeriod.Saved> Saved { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problems = ["Hãy chọn một tệp CSV có dữ liệu để tải lên."];
            return Page();
        }

        if (file.Length > MaxFileBytes)
        {
            Problems = [$"Tệp lớn hơn {MaxFileBytes / 1024} KB. Hãy chia thành nhiều tệp nhỏ hơn."];
            return Page();
        }

        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var result = await handler.HandleAsync(text, User, ct);
        if (!result.IsSuccess)
        {
            Problems = result.Errors.Select(e => e.Message).ToList();
            return Page();
        }

        Saved = result.Value;
        return Page();
    }
}

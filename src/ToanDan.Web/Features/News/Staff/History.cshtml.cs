using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>An article's revisions, a diff between two of them, and restoring one (<see cref="ArticleHistory"/>).</summary>
[Authorize(Policy = NewsPermissions.Edit)]
public sealed class HistoryModel(ArticleHistory.Handler handler) : PageModel
{
    public ArticleHistory.History? History { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<ArticleHistory.DiffLine> Diff { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var history = await handler.GetAsync(User, id, ct);
        if (!history.IsSuccess)
        {
            return NotFound();
        }

        History = history.Value;
        var latest = History.Revisions.Count > 0 ? History.Revisions[0].Number : 0;
        To ??= latest;
        From ??= Math.Max(1, To.Value - 1);
        var diff = await handler.DiffAsync(User, id, From.Value, To.Value, ct);
        if (diff.IsSuccess)
        {
            Diff = diff.Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int number, CancellationToken ct)
    {
        var result = await handler.RestoreAsync(User, id, number, ct);
        if (!result.IsSuccess)
        {
            if (result.Errors[0].Code == ErrorCodes.NotFound)
            {
                return NotFound();
            }

            TempData["NewsMessage"] = result.Errors[0].Message;
            return RedirectToPage("/News/Staff/Edit", new { id });
        }

        TempData["NewsMessage"] = $"Đã khôi phục bản {number} thành phiên bản {result.Value}.";
        return RedirectToPage("/News/Staff/Edit", new { id });
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>The categories of a portal (<see cref="ManageCategories"/>): create, rename, reorder, hide.</summary>
[Authorize(Policy = NewsPermissions.Publish)]
public sealed class CategoriesModel(ManageCategories.Handler handler) : PageModel
{
    /// <summary>The portal (unit) whose categories are shown; defaults to the first unit of the user's publishing roles.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    /// <summary>The name of a new category.</summary>
    [BindProperty]
    public string? NewName { get; set; }

    public IReadOnlyList<string> Units { get; private set; } = [];

    public IReadOnlyList<ManageCategories.Row> Rows { get; private set; } = [];

    [TempData(Key = "NewsMessage")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await DoneAsync(await handler.CreateAsync(User, Unit!, NewName, ct), "Đã thêm chuyên mục.", nameof(NewName), ct);
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, int version, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await DoneAsync(await handler.RenameAsync(User, id, name, version, ct), "Đã đổi tên chuyên mục; đường dẫn giữ nguyên.", "", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, ManageCategories.Direction direction, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await DoneAsync(await handler.MoveAsync(User, id, direction, ct), "Đã đổi thứ tự chuyên mục.", "", ct);
    }

    public async Task<IActionResult> OnPostHideAsync(Guid id, bool hidden, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await DoneAsync(await handler.SetHiddenAsync(User, id, hidden, ct), hidden ? "Đã ẩn chuyên mục khỏi cổng." : "Chuyên mục đã hiện lại trên cổng.", "", ct);
    }

    private async Task<IActionResult> DoneAsync(Result<Guid> result, string message, string field, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            if (result.Errors.Any(e => e.Code == ErrorCodes.NotFound))
            {
                return NotFound();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(field, error.Message);
            }

            Rows = await handler.ListAsync(Unit!, ct);
            return Page();
        }

        Message = message;
        return RedirectToPage(new { unit = Unit });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Units = handler.Units(User);
        Unit ??= Units.Count > 0 ? Units[0] : null;
        if (Unit is null || Unit.Length > 10 || !await handler.CanManageAsync(User, Unit, ct))
        {
            return false;
        }

        Rows = await handler.ListAsync(Unit, ct);
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary><c>/staff/tips/{id}/reveal</c>: asks a reason, writes it to the audit trail, then shows the reporter's identity once.</summary>
[Authorize(Policy = TipsPermissions.Reveal)]
public sealed class RevealModel(RevealIdentity.Handler handler, ToanDan.Web.Data.ToanDanDb db, TipsAccess access) : PageModel
{
    public string Reference { get; private set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    public RevealIdentity.Revealed? Revealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tip is null || !await access.CanAsync(User, TipsPermissions.Reveal, tip, ct))
        {
            return NotFound();
        }

        Reference = tip.Reference;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await handler.HandleAsync(User, id, Reason, ct);
        if (!result.IsSuccess)
        {
            var error = result.Errors[0];
            if (error.Code is ErrorCodes.NotFound or ErrorCodes.Forbidden)
            {
                return NotFound();
            }

            await OnGetAsync(id, ct);
            ModelState.AddModelError(nameof(Reason), error.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var tip = await db.Tips.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        Reference = tip.Reference;
        Revealed = result.Value;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary>
/// <c>/staff/tips/remote-units</c>: communes flagged remote or island; their police have 48 hours to transfer a
/// tip (TTLT 01/2017). The flag is read when a tip is received (a later change does not move existing clocks).
/// </summary>
[Authorize(Policy = TipsPermissions.Configure)]
public sealed class RemoteUnitsModel(ToanDanDb db, TipsAccess access, UnitTree tree, TimeProvider clock) : PageModel
{
    public sealed record Row(string Code, string? Name, string? Note);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public string? UnitCode { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var unit = UnitCode is { Length: > 0 and <= Tip.UnitCodeMaxLength } code ? await tree.FindAsync(code, today, ct) : null;
        if (unit is null || unit.Level != UnitLevel.Commune || !await access.CanAsync(User, TipsPermissions.Configure, unit.Code, today, ct))
        {
            ModelState.AddModelError(nameof(UnitCode), "Nhập mã một xã, phường, đặc khu hiện hành thuộc phạm vi của bạn.");
        }
        else if (await db.TipRemoteUnits.AnyAsync(r => r.UnitCode == unit.Code, ct))
        {
            ModelState.AddModelError(nameof(UnitCode), "Xã này đã được đánh dấu.");
        }

        var errors = new List<Infrastructure.Error>();
        var note = TipText.Clean(Note, nameof(Note), "Ghi chú", TipRemoteUnit.NoteMaxLength, errors);
        foreach (var error in errors)
        {
            ModelState.AddModelError(nameof(Note), error.Message);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.TipRemoteUnits.Add(TipRemoteUnit.Create(unit!.Code, note, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        Notice = "Đã đánh dấu xã vùng sâu, vùng xa, hải đảo.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, CancellationToken ct)
    {
        var row = await db.TipRemoteUnits.FirstOrDefaultAsync(r => r.UnitCode == code, ct);
        if (row is null || !await access.CanAsync(User, TipsPermissions.Configure, row.UnitCode, VietnamTime.Today(clock), ct))
        {
            return NotFound();
        }

        db.TipRemoteUnits.Remove(row);
        await db.SaveChangesAsync(ct);
        Notice = "Đã bỏ đánh dấu.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var rows = new List<Row>();
        foreach (var r in await db.TipRemoteUnits.AsNoTracking().OrderBy(r => r.UnitCode).ToListAsync(ct))
        {
            if (await access.CanAsync(User, TipsPermissions.Configure, r.UnitCode, today, ct))
            {
                rows.Add(new Row(r.UnitCode, (await tree.FindAsync(r.UnitCode, today, ct))?.Name, r.Note));
            }
        }

        Rows = rows;
    }
}

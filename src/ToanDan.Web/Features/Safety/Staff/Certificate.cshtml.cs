using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>The Giấy công nhận of an issued record as a printable A4 page (print CSS, NĐ 30/2020 layout).</summary>
[Authorize(Policy = SafetyPermissions.View)]
public sealed class CertificateModel(GetSafetyRecord.Handler get, UnitTree tree) : PageModel
{
    public SafetyCertificate? Certificate { get; private set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(get, tree, User, id, ct);
        if (result is null)
        {
            return NotFound();
        }

        Id = id;
        Certificate = result.Value.Certificate;
        if (Certificate is null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>The record's certificate (null when not issued), or null overall when the record is not found.</summary>
    internal static async Task<(SafetyCertificate? Certificate, SafetyRecord Record)?> LoadAsync(GetSafetyRecord.Handler get, UnitTree tree, System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var details = await get.HandleAsync(user, id, ct);
        if (!details.IsSuccess)
        {
            return null;
        }

        var record = details.Value.Record;

        // The commune's name on the decision day (a 2020 certificate says "Thị trấn Nam Sách", not today's "Xã Nam Sách").
        var onDay = record.DecidedOn ?? new DateOnly(record.Year, 12, 31);
        var history = await tree.HistoryAsync(record.UnitCode, ct);
        var unitName = (await tree.FindAsync(record.UnitCode, onDay, ct))?.Name ?? (history.Count > 0 ? history[^1].Name : record.UnitCode);
        if (record.Kind == SafetySubjectKind.Commune)
        {
            var district = await tree.AncestorsAsync(record.UnitCode, new DateOnly(record.Year, 12, 31), ct);
            unitName = district.Count > 0 ? district[^1].Name : unitName;
        }

        return (SafetyCertificate.For(record, unitName), record);
    }
}

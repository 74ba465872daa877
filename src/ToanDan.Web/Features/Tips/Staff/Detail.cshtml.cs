using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary><c>/staff/tips/{id}</c>: one tip, its clocks and conversation, and every handling step (<see cref="HandleTip"/>).</summary>
[Authorize(Policy = TipsPermissions.View)]
public sealed class DetailModel(TipDetails.Handler details, HandleTip.Handler steps, TipFileStore store, TimeProvider clock) : PageModel
{
    public TipDetails.Details? Tip { get; private set; }

    public IReadOnlyList<TipDetails.Officer> Officers { get; private set; } = [];

    public DateTime Now { get; private set; }

    public string Today => VietnamTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A file: the clean copy of an image, or the original (<c>?original=true</c>, audited).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid file, bool original, CancellationToken ct)
    {
        var result = await details.FileAsync(User, id, file, original, store, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        var (content, type, name) = result.Value;
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(content, original || !type.StartsWith("image/", StringComparison.Ordinal) ? "application/octet-stream" : type, original ? name : null);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? step, CancellationToken ct)
    {
        if (!TipNames.TryParse<HandleTip.Step>(step, out var parsed))
        {
            return await LoadAsync(id, ct) ? Invalid("Bước xử lý không hợp lệ.") : NotFound();
        }

        var form = Request.Form;
        var errors = new List<string>();
        var command = new HandleTip.Command
        {
            TipId = id,
            Step = parsed,
            OfficerId = Guid.TryParse(form["OfficerId"], out var officer) ? officer : null,
            Kind = TipNames.TryParse<TipKind>(form["Kind"], out var kind) ? kind : null,
            Category = TipNames.TryParse<TipCategory>(form["Category"], out var category) ? category : null,
            Complex = form["Complex"] == "true",
            Text = form["Text"],
            Detail = form["Detail"],
            At = ParseLocal(form["At"], errors),
            On = ParseDate(form["On"], errors),
            Outcome = TipNames.TryParse<TipOutcome>(form["Outcome"], out var outcome) ? outcome : null,
            Valuable = form["Valuable"] == "true",
            Amount = ParseAmount(form["Amount"], errors),
        };
        if (errors.Count > 0)
        {
            return await LoadAsync(id, ct) ? Invalid(errors[0]) : NotFound();
        }

        var result = await steps.HandleAsync(User, command, ct);
        if (!result.IsSuccess)
        {
            var error = result.Errors[0];
            if (error.Code == ErrorCodes.NotFound)
            {
                return NotFound();
            }

            if (error.Code == ErrorCodes.Forbidden)
            {
                return Forbid();
            }

            await LoadAsync(id, ct);
            return Invalid(error.Message, error.Code == ErrorCodes.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        Notice = result.Value.Vietnamese();
        return RedirectToPage(new { id });
    }

    private PageResult Invalid(string message, int status = StatusCodes.Status400BadRequest)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await details.GetAsync(User, id, ct);
        if (!result.IsSuccess)
        {
            return false;
        }

        Tip = result.Value;
        Now = clock.GetUtcNow().UtcDateTime;
        if (Tip.CanHandle)
        {
            Officers = await details.OfficersAsync(User, Tip.Tip, ct);
        }

        return true;
    }

    private static DateTime? ParseLocal(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local;
        }

        errors.Add("Thời điểm không hợp lệ.");
        return null;
    }

    private static DateOnly? ParseDate(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (VietnamTime.TryParseDate(text, out var date))
        {
            return date;
        }

        errors.Add("Ngày không hợp lệ (dd/mm/yyyy).");
        return null;
    }

    private static long? ParseAmount(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        errors.Add("Số tiền không hợp lệ.");
        return null;
    }
}

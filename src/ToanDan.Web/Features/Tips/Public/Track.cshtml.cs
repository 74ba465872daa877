using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// <c>/tra-cuu</c>: the reporter opens a tip with the receipt code, reads the police's messages, replies and adds
/// files. A wrong code, a closed tip past its access period and a throttled address all get the same generic
/// answer. The opened tip is remembered for 30 minutes in an encrypted, HttpOnly, SameSite=Strict cookie holding
/// only the tip's id; no address or code is stored.
/// </summary>
[TipFormLimits]
[EnableRateLimiting(SecuritySetup.PublicFormLimit)]
public sealed class TrackModel(TrackTip.Handler handler, LookupThrottle throttle, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    public const string CookieName = "td_tip";
    public const string WrongCode = "Mã tra cứu không đúng hoặc tin báo đã hết thời hạn tra cứu. Hãy kiểm tra lại mã (16 chữ số).";
    private static readonly TimeSpan Session = TimeSpan.FromMinutes(30);

    private IDataProtector Protector => protection.CreateProtector("ToanDan.Tips.Track.v1");

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public TrackTip.View? Tip { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (OpenedTip() is { } id)
        {
            Tip = await handler.ViewAsync(id, ct);
            Message = TempData["TipMessage"] as string;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.IsBlocked(address))
        {
            ModelState.AddModelError(nameof(Code), WrongCode);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var id = await handler.FindAsync(Code, ct);
        if (id is null)
        {
            throttle.Fail(address);
            ModelState.AddModelError(nameof(Code), WrongCode);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var expires = clock.GetUtcNow().Add(Session);
        Response.Cookies.Append(CookieName, Protector.Protect($"{id:N}|{expires.UtcTicks.ToString(CultureInfo.InvariantCulture)}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/tra-cuu",
            IsEssential = true,
        });
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (OpenedTip() is not { } id)
        {
            ModelState.AddModelError(nameof(Code), "Phiên tra cứu đã hết; hãy nhập lại mã tra cứu.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var uploads = new List<SubmitTip.Upload>();
        foreach (var file in Request.Form.Files.Where(f => f.Name == "Files").Take(AttachmentPolicy.MaxFiles + 1))
        {
            if (file.Length > AttachmentPolicy.MaxTotalBytes)
            {
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new SubmitTip.Upload(file.FileName, file.ContentType, buffer.ToArray()));
        }

        var result = await handler.ReplyAsync(id, Text, uploads, ct);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field == "Text" ? nameof(Text) : "", error.Message);
            }

            Tip = await handler.ViewAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["TipMessage"] = "Đã gửi tới Công an.";
        return RedirectToPage();
    }

    public IActionResult OnPostLeave()
    {
        Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/tra-cuu" });
        return RedirectToPage();
    }

    private Guid? OpenedTip()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && clock.GetUtcNow().UtcTicks < ticks
                ? id
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// <c>/to-giac</c>: the citizens' tip form. Works without JavaScript and on a phone; the receipt code is shown
/// once in the response to the post (never stored, never sent again). Rate-limited per address in memory, with a
/// honeypot field and a minimum fill time.
/// </summary>
[TipFormLimits]
[EnableRateLimiting(SecuritySetup.PublicFormLimit)]
public sealed class SubmitModel(SubmitTip.Handler handler, PublicUnits units, FormStamp stamps, TimeProvider clock) : PageModel
{
    /// <summary>The form as posted: plain strings, parsed here so that every problem gets a Vietnamese message.</summary>
    public sealed class Form
    {
        public string? What { get; set; }

        public string? UnitCode { get; set; }

        public bool PlaceUnknown { get; set; }

        public string? Place { get; set; }

        public string? When { get; set; }

        public string? OccurredOn { get; set; }

        public string? Category { get; set; }

        /// <summary>"anonymous" or "named".</summary>
        public string? Identity { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public bool Secrecy { get; set; }

        public bool Warned { get; set; }

        public string? Stamp { get; set; }

        /// <summary>The honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public PublicUnits.Area? Area { get; private set; }

    public string Stamp { get; private set; } = "";

    /// <summary>The receipt code in groups, after a successful post only.</summary>
    public string? Code { get; private set; }

    public string Today => VietnamTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Area = await units.GetAsync(ct);
        if (Area is null)
        {
            return NotFound();
        }

        Input = new Form { Identity = "anonymous" };
        Stamp = stamps.Issue();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Area = await units.GetAsync(ct);
        if (Area is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (!string.IsNullOrEmpty(Input.Website) || !stamps.Accept(Input.Stamp))
        {
            ModelState.AddModelError("", "Chưa gửi được: biểu mẫu được gửi quá nhanh hoặc đã quá hạn. Hãy kiểm tra lại nội dung rồi bấm Gửi.");
            return Invalid();
        }

        if (!Input.Warned)
        {
            ModelState.AddModelError("Input.Warned", "Hãy xác nhận đã đọc cảnh báo về tố giác sai sự thật (Điều 144 BLTTHS).");
        }

        var category = TipCategory.Other;
        if (!string.IsNullOrEmpty(Input.Category) && !TipNames.TryParse(Input.Category, out category))
        {
            ModelState.AddModelError("Input.Category", "Loại sự việc không hợp lệ.");
        }

        DateOnly? occurred = null;
        if (!string.IsNullOrWhiteSpace(Input.OccurredOn))
        {
            if (VietnamTime.TryParseDate(Input.OccurredOn, out var date))
            {
                occurred = date;
            }
            else
            {
                ModelState.AddModelError("Input.OccurredOn", "Ngày xảy ra không hợp lệ (dd/mm/yyyy).");
            }
        }

        var unit = Input.PlaceUnknown ? Area.UnknownPlaceUnit
            : Area.Communes.Any(c => c.Code == Input.UnitCode) ? Input.UnitCode
            : null;
        if (!Input.PlaceUnknown && unit is null)
        {
            ModelState.AddModelError("Input.UnitCode", "Chọn xã, phường nơi xảy ra sự việc, hoặc đánh dấu “Không nhớ địa điểm”.");
        }

        var uploads = new List<SubmitTip.Upload>();
        foreach (var file in Request.Form.Files.Where(f => f.Name == "Files").Take(AttachmentPolicy.MaxFiles + 1))
        {
            if (file.Length > AttachmentPolicy.MaxTotalBytes)
            {
                ModelState.AddModelError("Files", $"Tệp “{AttachmentPolicy.CleanName(file.FileName)}” quá lớn.");
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new SubmitTip.Upload(file.FileName, file.ContentType, buffer.ToArray()));
        }

        var anonymous = Input.Identity != "named";
        var command = new SubmitTip.Command
        {
            What = Input.What,
            UnitCode = unit ?? Area.UnknownPlaceUnit,
            PlaceUnknown = Input.PlaceUnknown,
            Place = Input.Place,
            When = Input.When,
            OccurredOn = occurred,
            Category = category,
            Anonymous = anonymous,
            Name = Input.Name,
            Phone = Input.Phone,
            Address = Input.Address,
            SecrecyRequested = !anonymous && Input.Secrecy,
            Channel = TipChannel.Web,
            Kind = TipKind.Denunciation,
            Files = uploads,
        };
        var fields = new HashSet<string>(StringComparer.Ordinal) { "What", "Place", "When", "Name", "Phone", "Address", "UnitCode", "OccurredOn" };
        if (!ModelState.IsValid)
        {
            // Nothing is written: the other checks only add their messages, so the person sees every problem at once.
            ModelState.AddErrors(handler.Validate(command), "Input", fields);
            return Invalid();
        }

        var result = await handler.HandleAsync(command, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, "Input", fields);
            return Invalid();
        }

        Code = ReceiptCodes.Format(result.Value.Code);
        Input = new Form();
        return Page();
    }

    private PageResult Invalid()
    {
        Stamp = stamps.Issue();
        Input.Stamp = null;
        Input.Website = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

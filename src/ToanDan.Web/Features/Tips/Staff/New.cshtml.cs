using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Features.Tips.Public;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary>
/// <c>/staff/tips/new</c>: an officer types in a tip received in person, by phone, by post, through VNeID or
/// otherwise, with the biên bản tiếp nhận number (art. 145). The receipt code is shown once, to hand to the reporter.
/// </summary>
[Authorize(Policy = TipsPermissions.Handle)]
[TipFormLimits]
public sealed class NewModel(SubmitTip.Handler handler, TipsAccess access, TimeProvider clock) : PageModel
{
    public sealed class Form
    {
        public string? UnitCode { get; set; }

        public string? Channel { get; set; }

        public string? Kind { get; set; }

        public string? Category { get; set; }

        public string? RecordNumber { get; set; }

        /// <summary>Vietnam local time of receipt.</summary>
        public string? ReceivedAt { get; set; }

        public string? What { get; set; }

        public string? Place { get; set; }

        public string? When { get; set; }

        public bool Anonymous { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public bool Secrecy { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<string> Units { get; private set; } = [];

    public string? Code { get; private set; }

    public Guid? CreatedId { get; private set; }

    public void OnGet()
    {
        Units = access.IntakeUnits(User);
        Input = new Form
        {
            UnitCode = Units.Count > 0 ? Units[0] : null,
            Channel = nameof(TipChannel.InPerson),
            ReceivedAt = VietnamTime.ToVietnam(clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Units = access.IntakeUnits(User);
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrEmpty(Input.UnitCode) || Input.UnitCode.Length > Tip.UnitCodeMaxLength
            || !await access.CanAsync(User, TipsPermissions.Handle, Input.UnitCode, VietnamTime.Today(clock), ct))
        {
            ModelState.AddModelError("Input.UnitCode", "Đơn vị tiếp nhận không thuộc phạm vi của bạn.");
        }

        if (!TipNames.TryParse<TipChannel>(Input.Channel, out var channel) || channel == TipChannel.Web)
        {
            ModelState.AddModelError("Input.Channel", "Chọn hình thức tiếp nhận (trực tiếp, điện thoại, bưu chính, VNeID, khác).");
        }

        if (!TipNames.TryParse<TipKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", "Chọn loại: tố giác, tin báo hoặc kiến nghị khởi tố.");
        }

        var category = TipCategory.Other;
        if (!string.IsNullOrEmpty(Input.Category) && !TipNames.TryParse(Input.Category, out category))
        {
            ModelState.AddModelError("Input.Category", "Lĩnh vực không hợp lệ.");
        }

        DateTime? receivedAt = null;
        if (!string.IsNullOrWhiteSpace(Input.ReceivedAt))
        {
            if (DateTime.TryParseExact(Input.ReceivedAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                receivedAt = new DateTimeOffset(local, VietnamTime.Offset).UtcDateTime;
            }
            else
            {
                ModelState.AddModelError("Input.ReceivedAt", "Thời điểm tiếp nhận không hợp lệ.");
            }
        }

        var uploads = new List<SubmitTip.Upload>();
        foreach (var file in Request.Form.Files.Where(f => f.Name == "Files").Take(AttachmentPolicy.MaxFiles + 1))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new SubmitTip.Upload(file.FileName, file.ContentType, buffer.ToArray()));
        }

        var command = new SubmitTip.Command
        {
            UnitCode = Input.UnitCode,
            Channel = channel == TipChannel.Web ? TipChannel.Other : channel,
            Kind = kind,
            Category = category,
            RecordNumber = Input.RecordNumber,
            ReceivedAtUtc = receivedAt,
            What = Input.What,
            Place = Input.Place,
            When = Input.When,
            Anonymous = Input.Anonymous,
            Name = Input.Name,
            Phone = Input.Phone,
            Address = Input.Address,
            SecrecyRequested = !Input.Anonymous && Input.Secrecy,
            Files = uploads,
        };
        var fields = new HashSet<string>(StringComparer.Ordinal) { "What", "Place", "When", "Name", "Phone", "Address", "RecordNumber", "UnitCode" };
        if (!ModelState.IsValid)
        {
            ModelState.AddErrors(handler.Validate(command), "Input", fields);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await handler.HandleAsync(command, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, "Input", fields);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Code = ReceiptCodes.Format(result.Value.Code);
        CreatedId = result.Value.Id;
        return Page();
    }
}

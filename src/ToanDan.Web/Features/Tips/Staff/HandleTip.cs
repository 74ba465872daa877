using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary>
/// The officers' steps on a tip, each checked by the entity's rules and audited ("tips.{step}" plus the
/// change itself): assign, classify, internal note, message to the reporter, transfer to the investigation body,
/// extension request and decision, outcome, valuable flag, reporter informed (art. 56), reward, close.
/// </summary>
public static class HandleTip
{
    public enum Step
    {
        Assign,
        Classify,
        Note,
        Message,
        Transfer,
        RequestExtension,
        Extend,
        Decide,
        Valuable,
        NotifyReporter,
        Reward,
        Close,
    }

    public sealed record Command
    {
        public Guid TipId { get; init; }

        public Step Step { get; init; }

        public Guid? OfficerId { get; init; }

        public TipKind? Kind { get; init; }

        public TipCategory? Category { get; init; }

        public bool Complex { get; init; }

        public string? Text { get; init; }

        /// <summary>Transfer target, extension decision, outcome note, valuable result or reward note.</summary>
        public string? Detail { get; init; }

        /// <summary>Vietnam local time of the transfer.</summary>
        public DateTime? At { get; init; }

        public DateOnly? On { get; init; }

        public TipOutcome? Outcome { get; init; }

        public bool Valuable { get; init; }

        public long? Amount { get; init; }
    }

    public sealed class Handler(ToanDanDb db, TipsAccess access, TipDetails.Handler details, TipVault vault, AuditTrail audit, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Step>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == input.TipId, ct);
            if (tip is null || !await access.CanAsync(user, TipsPermissions.View, tip, ct))
            {
                return Error.NotFound("Không tìm thấy tin báo.");
            }

            if (!await access.CanAsync(user, TipsPermissions.Handle, tip, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Bạn không có quyền xử lý tin báo này.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var today = VietnamTime.Today(clock);
            var errors = new List<Error>();
            Error? error = null;
            string? note = null;
            switch (input.Step)
            {
                case Step.Assign:
                    var officers = await details.OfficersAsync(user, tip, ct);
                    var officer = officers.FirstOrDefault(o => o.Id == input.OfficerId);
                    error = officer is null
                        ? Error.Validation("Chọn cán bộ Công an của đơn vị tiếp nhận.", "OfficerId")
                        : tip.Assign(officer.Id, officer.Name, now);
                    note = officer?.Name;
                    break;
                case Step.Classify:
                    error = input.Kind is not { } kind || input.Category is not { } category || !Enum.IsDefined(kind) || !Enum.IsDefined(category)
                        ? Error.Validation("Chọn loại tin và lĩnh vực.", "Kind")
                        : tip.Classify(kind, category, input.Complex, now);
                    break;
                case Step.Note:
                case Step.Message:
                    var text = TipText.Clean(input.Text, "Text", input.Step == Step.Note ? "Ghi chú" : "Tin nhắn", TipMessage.TextMaxLength, errors, multiline: true);
                    if (text is null)
                    {
                        error = errors.FirstOrDefault() ?? Error.Validation("Nhập nội dung.", "Text");
                        break;
                    }

                    if (input.Step == Step.Message && tip.Status == TipStatus.Closed)
                    {
                        error = Error.Conflict("Tin báo đã kết thúc; người báo tin không còn đọc được tin nhắn mới.");
                        break;
                    }

                    var messageId = Guid.CreateVersion7();
                    using (var key = vault.Open(tip))
                    {
                        db.TipMessages.Add(TipMessage.Create(
                            messageId, tip, input.Step == Step.Note ? TipMessageKind.InternalNote : TipMessageKind.ToReporter,
                            key.SealText(SealPurpose.Message(messageId), text), user.UserId(), user.FindFirst(StaffClaims.FullName)?.Value ?? user.Identity?.Name, now));
                    }

                    break;
                case Step.Transfer:
                    var at = input.At is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime.Offset).UtcDateTime : now;
                    error = tip.Transfer(input.Detail ?? "", at, now);
                    note = input.Detail;
                    break;
                case Step.RequestExtension:
                    error = tip.RequestExtension(input.On ?? today, now);
                    break;
                case Step.Extend:
                    error = input.On is not { } until
                        ? Error.Validation("Nhập ngày hết hạn mới theo quyết định gia hạn.", "On")
                        : tip.Extend(until, input.Detail ?? "", now);
                    note = input.Detail;
                    break;
                case Step.Decide:
                    error = input.Outcome is not { } outcome || !Enum.IsDefined(outcome)
                        ? Error.Validation("Chọn kết quả giải quyết.", "Outcome")
                        : tip.Decide(outcome, input.On ?? today, TipText.Clean(input.Detail, "Detail", "Ghi chú kết quả", Tip.NoteMaxLength, errors, multiline: true), now);
                    note = input.Outcome?.ToString();
                    break;
                case Step.Valuable:
                    error = tip.MarkValuable(input.Valuable, TipText.Clean(input.Detail, "Detail", "Kết quả", Tip.NoteMaxLength, errors, multiline: true), now);
                    break;
                case Step.NotifyReporter:
                    error = tip.NotifyReporter(input.On ?? today, now);
                    break;
                case Step.Reward:
                    error = input.Amount is not { } amount
                        ? Error.Validation("Nhập số tiền thưởng (đồng).", "Amount")
                        : tip.RecordReward(amount, TipText.Clean(input.Detail, "Detail", "Ghi chú", Tip.NoteMaxLength, errors, multiline: true), now);
                    break;
                case Step.Close:
                    error = tip.Close(now);
                    break;
                default:
                    error = Error.Validation("Bước xử lý không hợp lệ.");
                    break;
            }

            error ??= errors.FirstOrDefault();
            if (error is not null)
            {
                return error;
            }

            audit.Add("Tips", nameof(Tip), tip.Id.ToString(), "tips." + Actions.Name(input.Step), tip.UnitCode, note);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("Tin báo vừa được người khác cập nhật; hãy tải lại trang.");
            }

            TipsLog.Step(logger, tip.Id, input.Step);
            return input.Step;
        }
    }

    /// <summary>Audit action names of the steps.</summary>
    public static class Actions
    {
        public static string Name(Step step) => step switch
        {
            Step.RequestExtension => "extension.request",
            Step.Extend => "extension.granted",
            Step.NotifyReporter => "reporter.notified",
            _ => step.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>What each step is called in Vietnamese (confirmation messages).</summary>
    public static string Vietnamese(this Step step) => step switch
    {
        Step.Assign => "Đã phân công cán bộ.",
        Step.Classify => "Đã phân loại tin báo.",
        Step.Note => "Đã thêm ghi chú nội bộ.",
        Step.Message => "Đã gửi tin nhắn cho người báo tin.",
        Step.Transfer => "Đã ghi nhận chuyển cơ quan điều tra.",
        Step.RequestExtension => "Đã ghi nhận đề nghị gia hạn.",
        Step.Extend => "Đã ghi nhận quyết định gia hạn.",
        Step.Decide => "Đã ghi nhận kết quả giải quyết.",
        Step.Valuable => "Đã cập nhật đánh giá giá trị tin báo.",
        Step.NotifyReporter => "Đã ghi nhận thông báo kết quả cho người báo tin.",
        Step.Reward => "Đã ghi nhận khen thưởng.",
        Step.Close => "Đã kết thúc tin báo.",
        _ => "Đã lưu.",
    };
}

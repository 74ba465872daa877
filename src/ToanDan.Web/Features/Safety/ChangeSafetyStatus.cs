using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// One step of the certification workflow. Submitting needs <see cref="SafetyPermissions.Edit"/>; reviewing and
/// returning need <see cref="SafetyPermissions.Review"/>; deciding and issuing the certificate need
/// <see cref="SafetyPermissions.DecideLocal"/> for what the commune committee recognises and
/// <see cref="SafetyPermissions.DecideUpper"/> for communes and places managed above (TT 124/2021 Điều 10). Out of
/// scope → not found; in scope without the permission → forbidden; an illegal transition → conflict. Each step is
/// an audit event.
/// </summary>
public static class ChangeSafetyStatus
{
    public enum Step
    {
        Submit,
        Return,
        Review,
        Decide,
        Issue,
    }

    /// <param name="Id">The record.</param>
    /// <param name="Action">The step.</param>
    /// <param name="Note">Review note, or the reason for returning.</param>
    /// <param name="Result">For <see cref="Step.Decide"/>.</param>
    /// <param name="Authority">For <see cref="Step.Decide"/>: the deciding committee.</param>
    /// <param name="Number">Decision number, or certificate number for <see cref="Step.Issue"/>.</param>
    /// <param name="Date">Decision date, or certificate date.</param>
    public sealed record Command(Guid Id, Step Action, string? Note = null, SafetyResult? Result = null, string? Authority = null, string? Number = null, DateOnly? Date = null);

    public sealed class Handler(ToanDanDb db, SafetyAccess access, SafetyResults results, TimeProvider clock)
    {
        public async Task<Result<SafetyStatus>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.SafetyRecords.Include(r => r.Checks).SingleOrDefaultAsync(r => r.Id == input.Id, ct);
            if (record is null || !await access.CanAsync(user, SafetyPermissions.View, record.UnitCode, record.Year, ct))
            {
                return Error.NotFound("Không tìm thấy hồ sơ này.");
            }

            if (!Enum.IsDefined(input.Action))
            {
                return Error.Validation("Thao tác không hợp lệ.");
            }

            var permission = PermissionFor(input.Action, record, access);
            if (!await access.CanAsync(user, permission, record.UnitCode, record.Year, ct))
            {
                return new Error(ErrorCodes.Forbidden, ForbiddenMessage(permission));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var today = access.Today;
            Error? error;
            switch (input.Action)
            {
                case Step.Submit:
                    error = record.Submit(now);
                    break;
                case Step.Return:
                    error = record.ReturnToDraft(input.Note, now);
                    break;
                case Step.Review:
                    error = record.Review(input.Note, now);
                    break;
                case Step.Decide:
                    if (input.Result is not { } result || input.Date is not { } decidedOn)
                    {
                        error = Error.Validation("Hãy chọn kết quả và ngày quyết định.", input.Result is null ? "Result" : "Date");
                        break;
                    }

                    error = record.Status == SafetyStatus.Reviewed ? SafetyRules.CheckDecisionDate(record.Kind, record.Year, decidedOn, record.MeetingOn, today) : null;
                    if (error is null)
                    {
                        bool? derived = record.Kind == SafetySubjectKind.Commune ? (await results.CommuneAsync(record.UnitCode, record.Year, ct)).Rule.Met : null;
                        error = record.Decide(result, input.Authority, input.Number, decidedOn, derived, now);
                    }

                    break;
                case Step.Issue:
                    error = input.Date is { } issuedOn
                        ? issuedOn > today ? Error.Validation("Ngày cấp không được ở tương lai.", "Date") : record.IssueCertificate(input.Number, issuedOn, now)
                        : Error.Validation("Hãy ghi ngày cấp Giấy công nhận.", "Date");
                    break;
                default:
                    error = Error.Validation("Thao tác không hợp lệ.");
                    break;
            }

            if (error is not null)
            {
                return error;
            }

            var note = input.Action switch
            {
                Step.Decide => $"{record.Result?.Vietnamese()} — QĐ số {record.DecisionNumber} ngày {VietnamTime.Format(record.DecidedOn!.Value)} của {record.DecisionAuthority}",
                Step.Issue => $"Giấy công nhận số {record.CertificateNumber} ngày {VietnamTime.Format(record.CertificateIssuedOn!.Value)}",
                Step.Return => record.ReviewNote,
                _ => null,
            };
            db.Audit?.Add("Safety", nameof(SafetyRecord), record.Id.ToString(), AuditAction(input.Action), record.UnitCode, note);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("Hồ sơ vừa được người khác thay đổi; hãy tải lại trang.");
            }

            return record.Status;
        }
    }

    /// <summary>The permission a step needs on a record.</summary>
    public static string PermissionFor(Step step, SafetyRecord record, SafetyAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return step switch
        {
            Step.Submit => SafetyPermissions.Edit,
            Step.Return or Step.Review => SafetyPermissions.Review,
            _ => access.DecidePermission(record),
        };
    }

    /// <summary>The audit action of a step, e.g. <c>safety.decide</c>.</summary>
    public static string AuditAction(Step step) => step switch
    {
        Step.Submit => "safety.submit",
        Step.Return => "safety.return",
        Step.Review => "safety.review",
        Step.Decide => "safety.decide",
        Step.Issue => "safety.issue-certificate",
        _ => "safety.unknown",
    };

    private static string ForbiddenMessage(string permission) => permission switch
    {
        SafetyPermissions.Edit => "Tài khoản không có quyền gửi hồ sơ “An toàn về ANTT”.",
        SafetyPermissions.Review => "Chỉ Công an xã (hoặc cấp trên) được thẩm định, trả lại hồ sơ.",
        SafetyPermissions.DecideUpper => "Quyết định công nhận xã, phường, thị trấn và đơn vị do cấp trên quản lý thuộc Ủy ban nhân dân cấp huyện (cấp tỉnh từ 01/07/2025): tài khoản cấp xã không ghi được.",
        _ => "Tài khoản không có quyền ghi quyết định công nhận.",
    };
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Safety;

/// <summary>Saves the evaluation meeting (date, minutes summary) and the checklist answers of a draft (TT 124/2021 Điều 9).</summary>
public static class SaveSafetyDossier
{
    /// <param name="Id">The record.</param>
    /// <param name="Version">The version the form was loaded with (stale forms are refused).</param>
    /// <param name="MeetingOn">Date of the evaluation meeting.</param>
    /// <param name="MeetingNotes">Summary of the minutes.</param>
    /// <param name="Answers">Criterion code → met (true), not met (false), not answered (null).</param>
    /// <param name="Notes">Criterion code → note.</param>
    public sealed record Command(Guid Id, int Version, DateOnly? MeetingOn, string? MeetingNotes, IReadOnlyDictionary<string, bool?> Answers, IReadOnlyDictionary<string, string?> Notes);

    public sealed class Handler(ToanDanDb db, SafetyAccess access, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.SafetyRecords.Include(r => r.Checks).SingleOrDefaultAsync(r => r.Id == input.Id, ct);
            if (record is null || !await access.CanAsync(user, SafetyPermissions.View, record.UnitCode, record.Year, ct))
            {
                return Error.NotFound("Không tìm thấy hồ sơ này.");
            }

            if (!await access.CanAsync(user, SafetyPermissions.Edit, record.UnitCode, record.Year, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Tài khoản không có quyền lập hồ sơ “An toàn về ANTT”.");
            }

            if (record.Version != input.Version)
            {
                return Error.Conflict("Hồ sơ vừa được người khác sửa; hãy tải lại trang rồi nhập lại.");
            }

            if (input.MeetingOn is { } meeting && SafetyRules.CheckMeetingDate(record.Kind, record.Year, meeting, access.Today) is { } meetingError)
            {
                return meetingError;
            }

            var unknown = input.Answers.Keys.Concat(input.Notes.Keys).FirstOrDefault(code => record.Checks.All(c => c.Code != code));
            if (unknown is not null)
            {
                return Error.Validation($"Tiêu chí “{unknown}” không có trong hồ sơ.", "Checks");
            }

            var saved = record.UpdateDossier(input.MeetingOn, input.MeetingNotes, input.Answers, input.Notes, clock.GetUtcNow().UtcDateTime);
            if (!saved.IsSuccess)
            {
                return Result<int>.Failure(saved.Errors);
            }

            await db.SaveChangesAsync(ct);
            return record.Version;
        }
    }
}

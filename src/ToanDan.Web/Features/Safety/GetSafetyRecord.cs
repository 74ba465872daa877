using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Safety;

/// <summary>A record with its checklist, files, the commune rule (for a commune) and what the reader may do.</summary>
public static class GetSafetyRecord
{
    public sealed record FileRow(Guid Id, SafetyFileKind Kind, string FileName, long Size, DateTime UploadedAtUtc);

    public sealed record Details(
        SafetyRecord Record,
        IReadOnlyList<FileRow> Files,
        CommuneSafetyResult? Commune,
        EvaluationWindow Window,
        DecidingAuthority Authority,
        bool CanEdit,
        bool CanReview,
        bool CanDecide);

    public sealed class Handler(ToanDanDb db, SafetyAccess access, SafetyResults results)
    {
        public async Task<Result<Details>> HandleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
        {
            var record = await db.SafetyRecords.AsNoTracking().Include(r => r.Checks).SingleOrDefaultAsync(r => r.Id == id, ct);
            if (record is null || !await access.CanAsync(user, SafetyPermissions.View, record.UnitCode, record.Year, ct))
            {
                return Error.NotFound("Không tìm thấy hồ sơ này.");
            }

            var files = await db.SafetyFiles.AsNoTracking().Where(f => f.RecordId == id).OrderBy(f => f.UploadedAtUtc)
                .Select(f => new FileRow(f.Id, f.Kind, f.FileName, f.Size, f.UploadedAtUtc)).ToListAsync(ct);
            var commune = record.Kind == SafetySubjectKind.Commune ? await results.CommuneAsync(record.UnitCode, record.Year, ct) : null;
            return new Details(
                record,
                files,
                commune,
                SafetyRules.Window(record.Kind, record.Year),
                SafetyRules.Authority(record.Kind, record.ManagedBy, access.ScopeDate(record.Year)),
                await access.CanAsync(user, SafetyPermissions.Edit, record.UnitCode, record.Year, ct),
                await access.CanAsync(user, SafetyPermissions.Review, record.UnitCode, record.Year, ct),
                await access.CanAsync(user, access.DecidePermission(record), record.UnitCode, record.Year, ct));
        }

        /// <summary>A file of a record the user may see, or not found.</summary>
        public async Task<Result<SafetyFile>> FileAsync(ClaimsPrincipal user, Guid id, Guid fileId, CancellationToken ct)
        {
            var file = await db.SafetyFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.RecordId == id, ct);
            var record = file is null ? null : await db.SafetyRecords.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.UnitCode, r.Year }).SingleOrDefaultAsync(ct);
            if (file is null || record is null || !await access.CanAsync(user, SafetyPermissions.View, record.UnitCode, record.Year, ct))
            {
                return Error.NotFound("Không tìm thấy tệp này.");
            }

            return file;
        }
    }
}

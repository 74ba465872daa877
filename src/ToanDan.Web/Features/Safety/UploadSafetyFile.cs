using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// Adds a file (minutes, submission, report) to a dossier that is still a draft. The file is written to disk first
/// and removed again if the database save fails, so nothing is half-saved.
/// </summary>
public static class UploadSafetyFile
{
    /// <summary>Most files per record.</summary>
    public const int MaxFiles = 20;

    public sealed record Command(Guid Id, SafetyFileKind Kind, string FileName, byte[] Content);

    public sealed class Handler(ToanDanDb db, SafetyAccess access, SafetyFileStore store, TimeProvider clock)
    {
        public async Task<Result<Guid>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.SafetyRecords.SingleOrDefaultAsync(r => r.Id == input.Id, ct);
            if (record is null || !await access.CanAsync(user, SafetyPermissions.View, record.UnitCode, record.Year, ct))
            {
                return Error.NotFound("Không tìm thấy hồ sơ này.");
            }

            if (!await access.CanAsync(user, SafetyPermissions.Edit, record.UnitCode, record.Year, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Tài khoản không có quyền lập hồ sơ “An toàn về ANTT”.");
            }

            if (record.Status != SafetyStatus.Draft)
            {
                return Error.Conflict($"Hồ sơ ở trạng thái “{record.Status.Vietnamese()}”: không thêm tệp được.");
            }

            if (!Enum.IsDefined(input.Kind))
            {
                return Error.Validation("Loại tài liệu không hợp lệ.", "Kind");
            }

            var name = VietnameseText.Clean(Path.GetFileName(input.FileName ?? ""));
            if (name.Length is 0 or > SafetyFile.FileNameMaxLength)
            {
                return Error.Validation($"Tên tệp phải có từ 1 đến {SafetyFile.FileNameMaxLength} ký tự.", "File");
            }

            var (extension, contentType, problem) = store.Check(name, input.Content);
            if (problem is not null)
            {
                return Error.Validation(problem, "File");
            }

            if (await db.SafetyFiles.CountAsync(f => f.RecordId == record.Id, ct) >= MaxFiles)
            {
                return Error.Validation($"Mỗi hồ sơ tối đa {MaxFiles} tệp.", "File");
            }

            var file = SafetyFile.Create(record.Id, record.UnitCode, input.Kind, name, extension!, contentType!, input.Content.Length, SafetyFileStore.Hash(input.Content), clock.GetUtcNow().UtcDateTime);
            await store.SaveAsync(file.StoredName, input.Content, ct);
            db.SafetyFiles.Add(file);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                store.Delete(file.StoredName);
                throw;
            }

            return file.Id;
        }
    }
}

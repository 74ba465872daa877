using System.Security.Claims;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.News.Staff;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Media;

/// <summary>
/// Adds an image to a unit's library (<see cref="NewsPermissions.Edit"/> on the unit): size limit, real content
/// sniffed, decoded, re-encoded without metadata into the widths of <see cref="MediaImages.TargetWidths"/>, stored on
/// disk, then recorded (audited). Nothing is kept when any step fails.
/// </summary>
public static class UploadMedia
{
    public sealed record Command(string? UnitCode, string? FileName, long Length, Stream? Content, string? Alt);

    public sealed class Handler(ToanDanDb db, NewsAccess access, MediaImages images, MediaStorage storage, IAuditActor actor, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<MediaImage>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = new List<Error>();
            var unit = input.UnitCode ?? "";
            if (unit.Length == 0 || !await access.CanAsync(user, NewsPermissions.Edit, unit, ct))
            {
                errors.Add(Error.Validation("Hãy chọn đơn vị thuộc phạm vi của bạn.", nameof(Command.UnitCode)));
            }

            var alt = VietnameseText.Clean(input.Alt);
            if (alt.Length == 0 || alt.Length > MediaItem.AltMaxLength)
            {
                errors.Add(Error.Validation($"Hãy nhập mô tả thay thế (alt) của ảnh, từ 1 đến {MediaItem.AltMaxLength} ký tự: người khiếm thị nghe nội dung này thay cho ảnh.", nameof(Command.Alt)));
            }

            var fileName = VietnameseText.Clean(Path.GetFileName(input.FileName ?? ""));
            if (fileName.Length == 0)
            {
                fileName = "anh";
            }

            if (input.Content is null || input.Length <= 0)
            {
                errors.Add(Error.Validation("Hãy chọn một tệp ảnh (JPEG, PNG hoặc WebP).", "File"));
            }
            else if (input.Length > images.MaxUploadBytes)
            {
                errors.Add(Error.Validation($"Tệp “{fileName}” quá lớn: tối đa {images.MaxUploadBytes / (1024 * 1024)} MB.", "File"));
            }

            if (errors.Count > 0)
            {
                return Result<MediaImage>.Failure(errors);
            }

            var data = await ReadAsync(input.Content!, images.MaxUploadBytes, ct);
            if (data is null)
            {
                return Error.Validation($"Tệp “{fileName}” quá lớn: tối đa {images.MaxUploadBytes / (1024 * 1024)} MB.", "File");
            }

            var processed = images.Process(data, fileName);
            if (!processed.IsSuccess)
            {
                MediaLog.Rejected(logger, unit);
                return Result<MediaImage>.Failure(processed.Errors);
            }

            var id = Guid.CreateVersion7();
            var item = MediaItem.Create(id, unit, fileName, alt, processed.Value, data.Length, actor.Name, clock.GetUtcNow().UtcDateTime);
            try
            {
                await storage.WriteAsync(id, item.Extension, processed.Value.Variants, ct);
                db.MediaItems.Add(item);
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                storage.Delete(id);
                throw;
            }

            MediaLog.Uploaded(logger, id, item.Width, item.Height);
            return item.ToImage();
        }

        /// <summary>The whole upload, or null when it turns out longer than allowed (a lying Content-Length).</summary>
        private static async Task<byte[]?> ReadAsync(Stream content, long max, CancellationToken ct)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}

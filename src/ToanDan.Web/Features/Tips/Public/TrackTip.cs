using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// The reporter's side after submission, with the receipt code: status, the messages officers sent to the
/// reporter (never internal notes), a reply with files. Access ends <see cref="TipsOptions.ReporterAccessDays"/>
/// after the tip is closed. Nothing here records the client's address.
/// </summary>
public static class TrackTip
{
    public const int ReplyMaxLength = TipMessage.TextMaxLength;

    public sealed record Message(bool FromReporter, string Text, DateTime AtUtc);

    public sealed record FileRow(string Name, long Size, DateTime AtUtc);

    public sealed record View(TipStatus Status, DateTime ReceivedAtUtc, TipOutcome? Outcome, DateOnly? OutcomeOn, IReadOnlyList<Message> Messages, IReadOnlyList<FileRow> Files)
    {
        public bool CanReply => Status != TipStatus.Closed;
    }

    public sealed class Handler(ToanDanDb db, ReceiptCodes codes, TipVault vault, TipFileStore store, IOptions<TipsOptions> options, TimeProvider clock)
    {
        /// <summary>The tip of a code, or null for a wrong code or a tip whose access has ended (one answer for both).</summary>
        public async Task<Guid?> FindAsync(string? code, CancellationToken ct)
        {
            var digits = ReceiptCodes.Normalize(code);
            if (digits is null)
            {
                return null;
            }

            var hash = codes.Hash(digits);
            var tip = await db.Tips.AsNoTracking().Where(t => t.ReceiptHash == hash).Select(t => new { t.Id, t.ClosedAtUtc }).FirstOrDefaultAsync(ct);
            return tip is not null && AccessOpen(tip.ClosedAtUtc) ? tip.Id : null;
        }

        public async Task<View?> ViewAsync(Guid id, CancellationToken ct)
        {
            var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tip is null || !AccessOpen(tip.ClosedAtUtc))
            {
                return null;
            }

            using var key = vault.Open(tip);
            var messages = await db.TipMessages.AsNoTracking()
                .Where(m => m.TipId == id && m.Kind != TipMessageKind.InternalNote)
                .OrderBy(m => m.AtUtc).ToListAsync(ct);
            var files = await db.TipAttachments.AsNoTracking().Where(a => a.TipId == id && a.FromReporter).OrderBy(a => a.AtUtc).ToListAsync(ct);
            return new View(
                tip.Status,
                tip.ReceivedAtUtc,
                tip.Outcome,
                tip.OutcomeOn,
                messages.Select(m => new Message(m.Kind == TipMessageKind.FromReporter, key.UnsealText(SealPurpose.Message(m.Id), m.TextCipher), m.AtUtc)).ToList(),
                files.Select(f => new FileRow(key.UnsealText(SealPurpose.FileName(f.Id), f.NameCipher), f.Size, f.AtUtc)).ToList());
        }

        /// <summary>Adds the reporter's reply and files; the tip shows as unread to the officers.</summary>
        public async Task<Result<bool>> ReplyAsync(Guid id, string? text, IReadOnlyList<SubmitTip.Upload> uploads, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(uploads);
            var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tip is null || !AccessOpen(tip.ClosedAtUtc))
            {
                return Error.NotFound("Mã tra cứu không đúng hoặc đã hết hạn tra cứu.");
            }

            if (tip.Status == TipStatus.Closed)
            {
                return Error.Conflict("Tin báo đã kết thúc; không gửi thêm được.");
            }

            var errors = new List<Error>();
            var body = TipText.Clean(text, "Text", "Nội dung trả lời", ReplyMaxLength, errors, multiline: true);
            var files = SubmitTip.CheckFiles(uploads, errors);
            if (errors.Count == 0 && body is null && files.Count == 0)
            {
                errors.Add(Error.Validation("Nhập nội dung hoặc chọn tệp để gửi.", "Text"));
            }

            if (errors.Count > 0)
            {
                return Result<bool>.Failure(errors);
            }

            if (db.Audit is { } audit)
            {
                audit.WithoutClientAddress = true;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var written = new List<Guid>();
            using var key = vault.Open(tip);
            try
            {
                if (body is not null)
                {
                    var messageId = Guid.CreateVersion7();
                    db.TipMessages.Add(TipMessage.Create(messageId, tip, TipMessageKind.FromReporter, key.SealText(SealPurpose.Message(messageId), body), null, null, now));
                }

                foreach (var file in files)
                {
                    db.TipAttachments.Add(await SubmitTip.StoreFileAsync(store, key, tip.Id, tip.UnitCode, file, fromReporter: true, now, written, ct));
                }

                tip.ReporterWrote(now);
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                foreach (var fileId in written)
                {
                    store.DeleteFile(id, fileId);
                }

                throw;
            }

            return true;
        }

        private bool AccessOpen(DateTime? closedAtUtc) =>
            closedAtUtc is not { } closed || clock.GetUtcNow().UtcDateTime < closed.AddDays(options.Value.ReporterAccessDays);
    }
}

using System.Security.Cryptography;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// Receives a tip — from the public form (<c>/to-giac</c>) or typed in by an officer for the other channels —
/// and returns its receipt code, once. Every check runs before anything is written; files are encrypted and
/// flushed to disk before the single commit that acknowledges the tip, and removed again if that commit fails.
/// </summary>
public static class SubmitTip
{
    public const int WhatMaxLength = 8000;
    public const int PlaceMaxLength = 500;
    public const int WhenMaxLength = 200;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 300;

    /// <summary>A file as posted.</summary>
    public sealed record Upload(string? FileName, string? ContentType, byte[] Content);

    public sealed record Command
    {
        public string? What { get; init; }

        public string? UnitCode { get; init; }

        public bool PlaceUnknown { get; init; }

        public string? Place { get; init; }

        public string? When { get; init; }

        public DateOnly? OccurredOn { get; init; }

        public TipCategory Category { get; init; } = TipCategory.Other;

        public bool Anonymous { get; init; }

        public string? Name { get; init; }

        public string? Phone { get; init; }

        public string? Address { get; init; }

        public bool SecrecyRequested { get; init; }

        public TipChannel Channel { get; init; } = TipChannel.Web;

        public TipKind Kind { get; init; } = TipKind.Denunciation;

        public string? RecordNumber { get; init; }

        /// <summary>When an officer received it in person or by phone (UTC); now when null.</summary>
        public DateTime? ReceivedAtUtc { get; init; }

        public IReadOnlyList<Upload> Files { get; init; } = [];
    }

    /// <summary>The new tip and its receipt code (digits; shown once, never stored).</summary>
    public sealed record Submitted(Guid Id, string Code);

    public sealed class Handler(TipIntake intake, TipVault vault, ReceiptCodes codes, TipFileStore store, IAuditActor actor, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Submitted>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var now = clock.GetUtcNow().UtcDateTime;
            var c = Check(input, now);
            if (c.Errors.Count > 0)
            {
                return Result<Submitted>.Failure(c.Errors);
            }

            var (what, place, when, name, phone, address, record, receivedAt, files) = (c.What, c.Place, c.When, c.Name, c.Phone, c.Address, c.Record, c.ReceivedAt, c.Files);

            // A citizen's submission never carries a client address in the audit trail, even if a staff member is signed in.
            var author = new AuditActorSnapshot(actor.UserId, actor.Name, input.Channel == TipChannel.Web ? null : actor.ClientIp);
            var id = Guid.CreateVersion7();
            var code = ReceiptCodes.NewCode();
            var written = new List<Guid>();
            using var key = vault.NewKey(id);
            try
            {
                var identity = name is null && phone is null && address is null ? null : key.SealJson(SealPurpose.Identity, new TipIdentity(name, phone, address));
                var narrative = key.SealJson(SealPurpose.Narrative, new TipNarrative(what!, place, when));
                var attachments = new List<TipAttachment>(files.Count);
                foreach (var file in files)
                {
                    attachments.Add(await StoreFileAsync(store, key, id, input.UnitCode!, file, fromReporter: input.Channel == TipChannel.Web, now, written, ct));
                }

                // From here the submission is no longer cancellable: once queued it is written, and the files stay
                // until the commit has failed or succeeded.
                await intake.CommitAsync(new TipIntake.Submission(
                    id,
                    new Tip.Intake(input.UnitCode!, input.Channel, input.Kind, input.Category, record, input.OccurredOn, identity is null, input.SecrecyRequested, input.PlaceUnknown, RemoteArea: false),
                    codes.Hash(code),
                    new Tip.Sealed(key.KeyId, key.Wrapped, identity, narrative),
                    receivedAt,
                    attachments,
                    author));
            }
            catch
            {
                foreach (var fileId in written)
                {
                    store.DeleteFile(id, fileId);
                }

                throw;
            }

            TipsLog.Received(logger, id, input.Channel);
            return new Submitted(id, code);
        }

        /// <summary>Every check of a submission, without writing anything; the page calls it to list all problems at once.</summary>
        public IReadOnlyList<Error> Validate(Command input) => Check(input, clock.GetUtcNow().UtcDateTime).Errors;

        private static Checked Check(Command input, DateTime now)
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = new List<Error>();
            var what = TipText.Clean(input.What, nameof(Command.What), "Nội dung sự việc", WhatMaxLength, errors, multiline: true);
            if (what is null && !errors.Any(e => e.Field == nameof(Command.What)))
            {
                errors.Add(Error.Validation("Hãy cho biết sự việc đã xảy ra (nội dung tố giác, tin báo).", nameof(Command.What)));
            }

            var place = TipText.Clean(input.Place, nameof(Command.Place), "Địa điểm", PlaceMaxLength, errors, multiline: true);
            var when = TipText.Clean(input.When, nameof(Command.When), "Thời gian xảy ra", WhenMaxLength, errors);
            var name = input.Anonymous ? null : TipText.Clean(input.Name, nameof(Command.Name), "Họ và tên", Tip.NameMaxLength, errors);
            var phone = input.Anonymous ? null : TipText.Clean(input.Phone, nameof(Command.Phone), "Số điện thoại", PhoneMaxLength, errors);
            var address = input.Anonymous ? null : TipText.Clean(input.Address, nameof(Command.Address), "Địa chỉ", AddressMaxLength, errors, multiline: true);
            var record = TipText.Clean(input.RecordNumber, nameof(Command.RecordNumber), "Số biên bản tiếp nhận", Tip.RecordNumberMaxLength, errors);
            if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-'))
            {
                errors.Add(Error.Validation("Số điện thoại chỉ gồm chữ số (có thể có dấu +, khoảng trắng).", nameof(Command.Phone)));
            }

            if (!input.Anonymous && name is null && phone is null && !errors.Any(e => e.Field is nameof(Command.Name) or nameof(Command.Phone)))
            {
                errors.Add(Error.Validation("Nhập họ tên hoặc số điện thoại, hoặc chọn “Gửi ẩn danh”.", nameof(Command.Name)));
            }

            if (!Enum.IsDefined(input.Category) || !Enum.IsDefined(input.Channel) || !Enum.IsDefined(input.Kind))
            {
                errors.Add(Error.Validation("Loại sự việc hoặc hình thức tiếp nhận không hợp lệ.", nameof(Command.Category)));
            }

            if (input.Channel != TipChannel.Web && record is null)
            {
                errors.Add(Error.Validation("Tin báo nhận trực tiếp, qua điện thoại, bưu chính, VNeID… cần số biên bản tiếp nhận (Điều 145 BLTTHS).", nameof(Command.RecordNumber)));
            }

            var receivedAt = input.ReceivedAtUtc ?? now;
            if (receivedAt > now.AddMinutes(5) || receivedAt < now.AddYears(-20))
            {
                errors.Add(Error.Validation("Thời điểm tiếp nhận không được ở tương lai.", nameof(Command.ReceivedAtUtc)));
            }

            if (input.OccurredOn is { } occurred && occurred > TipClocks.VietnamDate(now))
            {
                errors.Add(Error.Validation("Ngày xảy ra không được ở tương lai.", nameof(Command.OccurredOn)));
            }

            if (string.IsNullOrEmpty(input.UnitCode) || input.UnitCode.Length > Tip.UnitCodeMaxLength)
            {
                errors.Add(Error.Validation("Chọn xã, phường nơi xảy ra sự việc, hoặc chọn “Không nhớ địa điểm”.", nameof(Command.UnitCode)));
            }

            var files = CheckFiles(input.Files, errors);
            return new Checked(errors, what, place, when, name, phone, address, record, receivedAt, files);
        }
    }

    private sealed record Checked(
        List<Error> Errors, string? What, string? Place, string? When, string? Name, string? Phone, string? Address, string? Record, DateTime ReceivedAt,
        List<(AttachmentPolicy.Accepted File, byte[]? View)> Files);

    /// <summary>Checks the posted files against <see cref="AttachmentPolicy"/> and cleans images; adds errors.</summary>
    internal static List<(AttachmentPolicy.Accepted File, byte[]? View)> CheckFiles(IReadOnlyList<Upload> uploads, List<Error> errors)
    {
        var accepted = new List<(AttachmentPolicy.Accepted, byte[]?)>();
        var posted = uploads.Where(u => u.Content.Length > 0 || !string.IsNullOrEmpty(u.FileName)).ToList();
        if (posted.Count > AttachmentPolicy.MaxFiles)
        {
            errors.Add(Error.Validation($"Gửi tối đa {AttachmentPolicy.MaxFiles} tệp mỗi lần.", "Files"));
            return accepted;
        }

        if (posted.Sum(u => (long)u.Content.Length) > AttachmentPolicy.MaxTotalBytes)
        {
            errors.Add(Error.Validation($"Tổng dung lượng tệp tối đa {AttachmentPolicy.MaxTotalBytes / (1024 * 1024)} MB.", "Files"));
            return accepted;
        }

        foreach (var upload in posted)
        {
            var (file, problem) = AttachmentPolicy.Check(upload.FileName, upload.ContentType, upload.Content);
            if (file is null)
            {
                errors.Add(Error.Validation(problem!, "Files"));
                continue;
            }

            byte[]? view = null;
            if (file.Kind == TipFileKind.Image)
            {
                view = ImageCleaner.Clean(file.Content);
                if (view is null)
                {
                    errors.Add(Error.Validation($"Ảnh “{file.Name}” bị hỏng hoặc không đọc được.", "Files"));
                    continue;
                }
            }

            accepted.Add((file, view));
        }

        return accepted;
    }

    /// <summary>Encrypts and writes a file (and its clean copy), flushed to disk; returns its row.</summary>
    internal static async Task<TipAttachment> StoreFileAsync(
        TipFileStore store, DataKey key, Guid tipId, string unitCode, (AttachmentPolicy.Accepted File, byte[]? View) item, bool fromReporter, DateTime now, List<Guid> written, CancellationToken ct)
    {
        var fileId = Guid.CreateVersion7();
        written.Add(fileId);
        await store.WriteAsync(tipId, fileId, view: false, key.Seal(SealPurpose.Original(fileId), item.File.Content), ct);
        if (item.View is not null)
        {
            await store.WriteAsync(tipId, fileId, view: true, key.Seal(SealPurpose.ViewCopy(fileId), item.View), ct);
        }

        return TipAttachment.Create(
            fileId, tipId, unitCode, item.File.Kind, item.File.ContentType, item.File.Content.Length,
            Convert.ToHexStringLower(SHA256.HashData(item.File.Content)),
            key.SealText(SealPurpose.FileName(fileId), item.File.Name),
            item.View is not null, fromReporter, now);
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary>
/// A tip as officers see it: clocks, narrative, conversation with internal notes, files — never the reporter's
/// identity (see <see cref="RevealIdentity"/>). Every opening is written to the audit trail ("tips.open").
/// </summary>
public static class TipDetails
{
    public sealed record Message(Guid Id, TipMessageKind Kind, string Text, string? Author, DateTime AtUtc);

    public sealed record FileRow(Guid Id, string Name, TipFileKind Kind, string ContentType, long Size, string Sha256, bool HasViewCopy, bool FromReporter, DateTime AtUtc);

    public sealed record Officer(Guid Id, string Name);

    public sealed record Details(Tip Tip, TipNarrative Narrative, IReadOnlyList<Message> Messages, IReadOnlyList<FileRow> Files, string UnitName, bool CanHandle, bool CanReveal);

    public sealed class Handler(ToanDanDb db, TipsAccess access, TipVault vault, AuditTrail audit, Units.UnitTree tree)
    {
        public async Task<Result<Details>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
        {
            var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tip is null || !await access.CanAsync(user, TipsPermissions.View, tip, ct))
            {
                return Error.NotFound("Không tìm thấy tin báo.");
            }

            using var key = vault.Open(tip);
            var narrative = key.UnsealJson<TipNarrative>(SealPurpose.Narrative, tip.NarrativeCipher);
            var messages = await db.TipMessages.AsNoTracking().Where(m => m.TipId == id).OrderBy(m => m.AtUtc).ToListAsync(ct);
            var files = await db.TipAttachments.AsNoTracking().Where(a => a.TipId == id).OrderBy(a => a.AtUtc).ToListAsync(ct);
            var unit = await tree.FindAsync(tip.UnitCode, tip.ReceivedOn, ct);
            var canHandle = await access.CanAsync(user, TipsPermissions.Handle, tip, ct);
            var canReveal = await access.CanAsync(user, TipsPermissions.Reveal, tip, ct);
            if (tip.UnreadFromReporter && canHandle)
            {
                tip.MarkRead();
            }

            audit.Add("Tips", nameof(Tip), tip.Id.ToString(), "tips.open", tip.UnitCode);
            await db.SaveChangesAsync(ct);
            return new Details(
                tip,
                narrative,
                messages.Select(m => new Message(m.Id, m.Kind, key.UnsealText(SealPurpose.Message(m.Id), m.TextCipher), m.AuthorName, m.AtUtc)).ToList(),
                files.Select(f => new FileRow(f.Id, key.UnsealText(SealPurpose.FileName(f.Id), f.NameCipher), f.Kind, f.ContentType, f.Size, f.Sha256, f.HasViewCopy, f.FromReporter, f.AtUtc)).ToList(),
                unit?.Name ?? tip.UnitCode,
                canHandle,
                canReveal);
        }

        /// <summary>Officers a tip can be assigned to: police of its receiving unit (active accounts), and the current user.</summary>
        public async Task<IReadOnlyList<Officer>> OfficersAsync(ClaimsPrincipal user, Tip tip, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(tip);
            var police = new[] { StaffRole.CommunePolice, StaffRole.DistrictPolice, StaffRole.ProvincePolice };
            var list = await db.RoleAssignments.AsNoTracking()
                .Where(r => r.UnitCode == tip.UnitCode && police.Contains(r.Role))
                .Join(db.Users.Where(u => !u.IsDisabled), r => r.UserId, u => u.Id, (r, u) => new Officer(u.Id, u.FullName))
                .Distinct().ToListAsync(ct);
            if (user.UserId() is { } me && list.All(o => o.Id != me))
            {
                list.Insert(0, new Officer(me, user.FindFirst(StaffClaims.FullName)?.Value ?? user.Identity?.Name ?? "Tôi"));
            }

            return list.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        }

        /// <summary>A file's bytes for an officer: the clean copy of an image, or the original (audited).</summary>
        public async Task<Result<(byte[] Content, string ContentType, string Name)>> FileAsync(ClaimsPrincipal user, Guid tipId, Guid fileId, bool original, TipFileStore store, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(store);
            var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tipId, ct);
            var file = await db.TipAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.TipId == tipId, ct);
            if (tip is null || file is null || !await access.CanAsync(user, TipsPermissions.View, tip, ct))
            {
                return Error.NotFound("Không tìm thấy tệp.");
            }

            var view = !original && file.HasViewCopy;
            var sealedBytes = await store.ReadAsync(tipId, fileId, view, ct);
            if (sealedBytes is null)
            {
                return Error.NotFound("Không tìm thấy tệp.");
            }

            using var key = vault.Open(tip);
            var content = key.Unseal(view ? SealPurpose.ViewCopy(fileId) : SealPurpose.Original(fileId), sealedBytes);
            var name = key.UnsealText(SealPurpose.FileName(fileId), file.NameCipher);
            audit.Add("Tips", nameof(TipAttachment), fileId.ToString(), view ? "tips.file.view" : "tips.file.original", tip.UnitCode);
            await db.SaveChangesAsync(ct);
            return (content, view ? "image/jpeg" : file.ContentType, view ? Path.ChangeExtension(name, ".jpg") : name);
        }
    }
}

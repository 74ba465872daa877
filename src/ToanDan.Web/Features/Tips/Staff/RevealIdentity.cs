using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Tips.Staff;

/// <summary>
/// Shows the reporter's identity to an officer who holds <see cref="TipsPermissions.Reveal"/> on the tip's unit,
/// after they give a reason. The reveal and its reason are written to the audit trail in the same transaction
/// before the identity is returned; nothing is cached.
/// </summary>
public static class RevealIdentity
{
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 500;

    public sealed record Revealed(TipIdentity? Identity, bool Anonymous, bool SecrecyRequested);

    public sealed class Handler(ToanDanDb db, TipsAccess access, TipVault vault, AuditTrail audit, ILogger<Handler> logger)
    {
        public async Task<Result<Revealed>> HandleAsync(ClaimsPrincipal user, Guid id, string? reason, CancellationToken ct)
        {
            var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tip is null || !await access.CanAsync(user, TipsPermissions.View, tip, ct))
            {
                return Error.NotFound("Không tìm thấy tin báo.");
            }

            if (!await access.CanAsync(user, TipsPermissions.Reveal, tip, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Bạn không có quyền xem danh tính người báo tin.");
            }

            var errors = new List<Error>();
            var why = TipText.Clean(reason, "Reason", "Lý do", ReasonMaxLength, errors, multiline: true);
            if (errors.Count == 0 && (why is null || why.Length < ReasonMinLength))
            {
                errors.Add(Error.Validation($"Nêu lý do cần xem danh tính (ít nhất {ReasonMinLength} ký tự); lý do được ghi vào nhật ký.", "Reason"));
            }

            if (errors.Count > 0)
            {
                return Result<Revealed>.Failure(errors);
            }

            if (tip.IdentityCipher is null)
            {
                audit.Add("Tips", nameof(Tip), tip.Id.ToString(), "tips.reveal", tip.UnitCode, "Lý do: " + why + " (ẩn danh — không có danh tính)");
                await db.SaveChangesAsync(ct);
                return new Revealed(null, true, tip.SecrecyRequested);
            }

            audit.Add("Tips", nameof(Tip), tip.Id.ToString(), "tips.reveal", tip.UnitCode, "Lý do: " + why);
            await db.SaveChangesAsync(ct);
            TipsLog.Revealed(logger, tip.Id, user.UserId());
            using var key = vault.Open(tip);
            return new Revealed(key.UnsealJson<TipIdentity>(SealPurpose.Identity, tip.IdentityCipher), false, tip.SecrecyRequested);
        }
    }
}

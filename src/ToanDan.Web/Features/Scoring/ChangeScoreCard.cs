using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Scoring;

/// <summary>
/// Self-scoring and review of a card: save the self-score (Draft), send it (Submitted; late when after the Điều 11
/// deadline), take it back, or review it with the reviewer's points and grade (Reviewed). Totals are checked against
/// the maxima. Out of scope → not found; without the permission → forbidden; illegal step → conflict.
/// </summary>
public static class ChangeScoreCard
{
    public enum Step
    {
        SaveSelfScore,
        Submit,
        Return,
        Review,
    }

    public sealed record Command(Guid Id, Step Action, IReadOnlyDictionary<string, decimal?>? Points = null, string? Note = null, int? Version = null);

    public sealed class Handler(ToanDanDb db, ScoringAccess access, TimeProvider clock)
    {
        public async Task<Result<ScoreCardStatus>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var card = await db.ScoreCards.Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == input.Id, ct);
            if (card is null || !await access.CanAsync(user, ScoringPermissions.View, card.UnitCode, card.Year, ct))
            {
                return Error.NotFound("Không tìm thấy bảng điểm này.");
            }

            if (!Enum.IsDefined(input.Action))
            {
                return Error.Validation("Thao tác không hợp lệ.");
            }

            var allowed = input.Action switch
            {
                Step.Review => await access.CanReviewAsync(user, card, ct),
                Step.Return => await access.CanReviewAsync(user, card, ct) || await access.CanAsync(user, ScoringPermissions.Edit, card.UnitCode, card.Year, ct),
                _ => await access.CanAsync(user, ScoringPermissions.Edit, card.UnitCode, card.Year, ct),
            };
            if (!allowed)
            {
                return new Error(ErrorCodes.Forbidden, input.Action is Step.Review
                    ? "Chỉ cấp trên trực tiếp được thẩm định, trả lại bảng điểm này (khu dân cư, cơ quan, doanh nghiệp, trường học: cấp xã; xã: cấp huyện hoặc tỉnh; huyện: cấp tỉnh)."
                    : "Tài khoản không có quyền chấm điểm phong trào.");
            }

            if (input.Version is { } version && version != card.Version)
            {
                return Error.Conflict("Bảng điểm vừa được người khác sửa; hãy tải lại trang.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            Error? error = input.Action switch
            {
                Step.SaveSelfScore => Save(card, input.Points, now),
                Step.Submit => card.Submit(access.Today, now),
                Step.Return => card.ReturnToDraft(now),
                Step.Review => card.Review(input.Points ?? new Dictionary<string, decimal?>(), input.Note, now),
                _ => Error.Validation("Thao tác không hợp lệ."),
            };
            if (error is not null)
            {
                return error;
            }

            if (input.Action != Step.SaveSelfScore)
            {
                var note = input.Action switch
                {
                    Step.Submit => $"Tự chấm {ScoringRules.Format(card.SelfTotal ?? 0)} điểm{(ScoringRules.IsOverdue(card.Kind, card.Year, card.SubmittedOn, access.Today) ? " (quá hạn)" : "")}",
                    Step.Review => $"Thẩm định {ScoringRules.Format(card.ReviewedTotal ?? 0)} điểm — {card.Grade?.Vietnamese()}",
                    _ => null,
                };
                db.Audit?.Add("Scoring", nameof(ScoreCard), card.Id.ToString(), AuditAction(input.Action), card.UnitCode, note);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("Bảng điểm vừa được người khác sửa; hãy tải lại trang.");
            }

            return card.Status;
        }

        private static Error? Save(ScoreCard card, IReadOnlyDictionary<string, decimal?>? points, DateTime now)
        {
            var saved = card.SaveSelfScore(points ?? new Dictionary<string, decimal?>(), now);
            return saved.IsSuccess ? null : saved.Errors.Count == 1 ? saved.Errors[0] : Error.Validation(string.Join(" ", saved.Errors.Select(e => e.Message)), "Points");
        }
    }

    public static string AuditAction(Step step) => step switch
    {
        Step.Submit => "scoring.submit",
        Step.Return => "scoring.return",
        Step.Review => "scoring.review",
        _ => "scoring.save",
    };
}

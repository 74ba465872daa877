using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>
/// One step of the editorial workflow. Submitting and taking back to draft need <see cref="NewsPermissions.Edit"/>;
/// approving, publishing, scheduling and withdrawing need <see cref="NewsPermissions.Publish"/> (an editor gets
/// "forbidden"). Illegal transitions are conflicts. Each step is an audit event.
/// </summary>
public static class ChangeArticleStatus
{
    public enum Step
    {
        Submit,
        ReturnToDraft,
        Approve,
        Publish,
        Schedule,
        Withdraw,
    }

    /// <param name="Id">The article.</param>
    /// <param name="Action">The step.</param>
    /// <param name="PublishAt">For <see cref="Step.Schedule"/>: the time in Vietnam.</param>
    /// <param name="Reason">For <see cref="Step.Withdraw"/>: mandatory.</param>
    public sealed record Command(Guid Id, Step Action, DateTime? PublishAt = null, string? Reason = null);

    /// <summary>The permission a step needs.</summary>
    public static string PermissionFor(Step step) => step is Step.Submit or Step.ReturnToDraft ? NewsPermissions.Edit : NewsPermissions.Publish;

    public sealed class Handler(ToanDanDb db, NewsAccess access, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<ArticleStatus>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == input.Id, ct);
            if (article is null || !await access.CanAsync(user, NewsPermissions.Edit, article.UnitCode, ct))
            {
                return Error.NotFound("Không tìm thấy bài này.");
            }

            if (!Enum.IsDefined(input.Action))
            {
                return Error.Validation("Thao tác không hợp lệ.");
            }

            if (PermissionFor(input.Action) == NewsPermissions.Publish && !await access.CanAsync(user, NewsPermissions.Publish, article.UnitCode, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Chỉ Trưởng ban biên tập được duyệt, xuất bản hoặc gỡ bài.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var error = input.Action switch
            {
                Step.Submit => article.Submit(now),
                Step.ReturnToDraft => article.ReturnToDraft(now),
                Step.Approve => article.Approve(now),
                Step.Publish => article.Publish(now),
                Step.Schedule => input.PublishAt is { } at
                    ? article.Schedule(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), VietnamTime.Offset).UtcDateTime, now)
                    : Error.Validation("Hãy chọn thời điểm xuất bản.", "PublishAt"),
                Step.Withdraw => article.Withdraw(input.Reason, now),
                _ => Error.Validation("Thao tác không hợp lệ."),
            };
            if (error is not null)
            {
                return error;
            }

            var note = input.Action switch
            {
                Step.Schedule => "Hẹn giờ: " + VietnamTime.Format(article.PublishAtUtc!.Value),
                Step.Withdraw => "Lý do: " + article.WithdrawnReason,
                _ => null,
            };
            db.Audit?.Add("News", nameof(Article), article.Id.ToString(), AuditAction(input.Action), article.UnitCode, note);
            await db.SaveChangesAsync(ct);
            NewsLog.StatusChanged(logger, article.Id, article.Status);
            return article.Status;
        }
    }

    /// <summary>The audit action of a step, e.g. <c>news.publish</c>.</summary>
    public static string AuditAction(Step step) => step switch
    {
        Step.Submit => "news.submit",
        Step.ReturnToDraft => "news.return-to-draft",
        Step.Approve => "news.approve",
        Step.Publish => "news.publish",
        Step.Schedule => "news.schedule",
        Step.Withdraw => "news.withdraw",
        _ => "news.unknown",
    };
}

using System.Security.Claims;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>An article's revisions: the list, a line diff between two of them, and restoring an old one as a new revision.</summary>
public static class ArticleHistory
{
    public sealed record Revision(int Number, string EditorName, DateTime CreatedAtUtc, string? Note, string Title);

    public enum LineKind
    {
        Same,
        Inserted,
        Deleted,
    }

    public sealed record DiffLine(LineKind Kind, string Text);

    public sealed record History(Guid Id, string UnitCode, string Title, ArticleStatus Status, bool CanRestore, IReadOnlyList<Revision> Revisions);

    /// <summary>The text a revision is compared by: title, lead and body, one line each paragraph.</summary>
    public static string Text(string title, string lead, string body) => $"# {title}\n\n{lead}\n\n{body}";

    /// <summary>A line diff of two texts.</summary>
    public static IReadOnlyList<DiffLine> Diff(string from, string to) =>
        InlineDiffBuilder.Diff(from, to, ignoreWhiteSpace: false).Lines.Select(l => new DiffLine(
            l.Type switch { ChangeType.Inserted => LineKind.Inserted, ChangeType.Deleted => LineKind.Deleted, _ => LineKind.Same },
            l.Text ?? "")).ToList();

    public sealed class Handler(ToanDanDb db, NewsAccess access, IAuditActor actor, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<History>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
        {
            var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (article is null || !await access.CanAsync(user, NewsPermissions.Edit, article.UnitCode, ct))
            {
                return NotFound();
            }

            var canPublish = await access.CanAsync(user, NewsPermissions.Publish, article.UnitCode, ct);
            var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
                .Select(r => new Revision(r.Number, r.EditorName, r.CreatedAtUtc, r.Note, r.Title)).ToListAsync(ct);
            return new History(article.Id, article.UnitCode, article.Title, article.Status, Article.CanEdit(article.Status, canPublish), revisions);
        }

        /// <summary>The line diff from revision <paramref name="from"/> to revision <paramref name="to"/>.</summary>
        public async Task<Result<IReadOnlyList<DiffLine>>> DiffAsync(ClaimsPrincipal user, Guid id, int from, int to, CancellationToken ct)
        {
            var history = await GetAsync(user, id, ct);
            if (!history.IsSuccess)
            {
                return Result<IReadOnlyList<DiffLine>>.Failure(history.Errors);
            }

            var pair = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && (r.Number == from || r.Number == to)).ToListAsync(ct);
            var old = pair.FirstOrDefault(r => r.Number == from);
            var @new = pair.FirstOrDefault(r => r.Number == to);
            if (old is null || @new is null)
            {
                return Error.NotFound("Không tìm thấy phiên bản này.");
            }

            return Result<IReadOnlyList<DiffLine>>.Success(Diff(Text(old.Title, old.Lead, old.Body), Text(@new.Title, @new.Lead, @new.Body)));
        }

        /// <summary>Makes the title, lead and body of revision <paramref name="number"/> current again, as a new revision.</summary>
        public async Task<Result<int>> RestoreAsync(ClaimsPrincipal user, Guid id, int number, CancellationToken ct)
        {
            var article = await db.Articles.Include(a => a.Figures).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (article is null || !await access.CanAsync(user, NewsPermissions.Edit, article.UnitCode, ct))
            {
                return NotFound();
            }

            var revision = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == number, ct);
            if (revision is null)
            {
                return Error.NotFound("Không tìm thấy phiên bản này.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var canPublish = await access.CanAsync(user, NewsPermissions.Publish, article.UnitCode, ct);
            var restored = article.Restore(revision, canPublish, now);
            if (!restored.IsSuccess)
            {
                return Result<int>.Failure(restored.Errors);
            }

            db.ArticleRevisions.Add(ArticleRevision.Of(article, actor.UserId, actor.Name, now, $"Khôi phục từ bản {number}"));
            db.Audit?.Add("News", nameof(Article), article.Id.ToString(), "news.restore", article.UnitCode, $"Khôi phục từ bản {number}");
            await db.SaveChangesAsync(ct);
            NewsLog.Saved(logger, article.Id, article.RevisionCount);
            return article.RevisionCount;
        }

        private static Error NotFound() => Error.NotFound("Không tìm thấy bài này.");
    }
}

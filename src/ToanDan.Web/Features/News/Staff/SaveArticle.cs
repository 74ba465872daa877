using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>
/// Creates a draft or saves an edit of an article. Every save keeps an <see cref="ArticleRevision"/>; a changed
/// slug keeps the former one in <see cref="ArticleSlug"/>. Drafts are edited with <see cref="NewsPermissions.Edit"/>;
/// approved, scheduled and published articles only with <see cref="NewsPermissions.Publish"/>.
/// </summary>
public static class SaveArticle
{
    public const string StaleMessage = "Bài đã được người khác sửa sau khi bạn mở trang này. Hãy tải lại trang rồi sửa lại.";

    public sealed record Command : ArticleInput
    {
        /// <summary>Empty for a new article; pages take it from the route.</summary>
        [BindNever]
        public Guid? Id { get; init; }

        /// <summary>The portal (unit) of a new article; ignored on edits.</summary>
        public string? UnitCode { get; init; }

        /// <summary>The <see cref="Article.Version"/> the form was opened with (edits only).</summary>
        public int? Version { get; init; }
    }

    public sealed record Saved(Guid Id, string Slug, int Revision);

    /// <summary>An article as the edit form shows it.</summary>
    public sealed record Current(Guid Id, string UnitCode, ArticleStatus Status, DateTime? PublishAtUtc, string? WithdrawnReason, DateTime CreatedAtUtc, int Revision, bool CanEdit, bool CanPublish, Command Input)
    {
        /// <summary>Shown among the home page's featured news.</summary>
        public bool IsFeatured { get; init; }
    }

    public sealed class Handler(ToanDanDb db, NewsAccess access, Media.ListMedia.Handler media, IAuditActor actor, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The article for the form; not found when outside the user's scope.</summary>
        public async Task<Result<Current>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
        {
            var article = await db.Articles.AsNoTracking().Include(a => a.Figures).Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (article is null || !await access.CanAsync(user, NewsPermissions.Edit, article.UnitCode, ct))
            {
                return NotFound();
            }

            var canPublish = await access.CanAsync(user, NewsPermissions.Publish, article.UnitCode, ct);
            var input = new Command
            {
                Id = article.Id,
                UnitCode = article.UnitCode,
                Version = article.Version,
                Title = article.Title,
                Slug = article.Slug,
                Lead = article.Lead,
                Body = article.Body,
                Author = article.Author,
                CategoryId = article.CategoryId,
                Tags = article.Tags,
                Figures = article.Figures.OrderBy(f => f.Position)
                    .Select(f => new FigureInput { Caption = f.Caption, Alt = f.Alt, ImageUrl = f.MediaId is null ? f.ImageUrl : null, AfterParagraph = f.AfterParagraph, MediaId = f.MediaId }).ToList(),
                CoverMediaId = article.CoverMediaId,
                RelatedIds = article.Links.OrderBy(l => l.Position).Select(l => l.RelatedId).ToList(),
            };
            return new Current(article.Id, article.UnitCode, article.Status, article.PublishAtUtc, article.WithdrawnReason, article.CreatedAtUtc,
                article.RevisionCount, Article.CanEdit(article.Status, canPublish), canPublish, input) { IsFeatured = article.IsFeatured };
        }

        public async Task<Result<Saved>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var now = clock.GetUtcNow().UtcDateTime;
            Article article;
            var content = input.ToContent();
            if (input.Id is not { } id)
            {
                var unit = input.UnitCode ?? "";
                if (unit.Length == 0 || !await access.CanAsync(user, NewsPermissions.Edit, unit, ct))
                {
                    return Error.Validation("Hãy chọn cổng thông tin (đơn vị) thuộc phạm vi của bạn.", nameof(Command.UnitCode));
                }

                if (await CheckCategoryAsync(unit, content.CategoryId, ct) is { } categoryError)
                {
                    return categoryError;
                }

                var withMedia = await WithMediaAsync(unit, content, ct);
                if (!withMedia.IsSuccess)
                {
                    return Result<Saved>.Failure(withMedia.Errors);
                }

                content = withMedia.Value;

                var slug = await ChooseSlugAsync(unit, input.Slug, input.Title, null, ct);
                if (!slug.IsSuccess)
                {
                    return Result<Saved>.Failure(slug.Errors);
                }

                var created = Article.Create(unit, content, slug.Value, now);
                if (!created.IsSuccess)
                {
                    return Result<Saved>.Failure(created.Errors);
                }

                article = created.Value;
                db.Articles.Add(article);
            }
            else
            {
                var found = await db.Articles.Include(a => a.Figures).Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);
                if (found is null || !await access.CanAsync(user, NewsPermissions.Edit, found.UnitCode, ct))
                {
                    return NotFound();
                }

                article = found;
                if (input.Version != article.Version)
                {
                    return Error.Conflict(StaleMessage);
                }

                if (await CheckCategoryAsync(article.UnitCode, content.CategoryId, ct) is { } categoryError)
                {
                    return categoryError;
                }

                var withMedia = await WithMediaAsync(article.UnitCode, content, ct);
                if (!withMedia.IsSuccess)
                {
                    return Result<Saved>.Failure(withMedia.Errors);
                }

                content = withMedia.Value;

                var slug = await ChooseSlugAsync(article.UnitCode, string.IsNullOrWhiteSpace(input.Slug) ? null : input.Slug, input.Title, article.Id, ct);
                if (!slug.IsSuccess)
                {
                    return Result<Saved>.Failure(slug.Errors);
                }

                var canPublish = await access.CanAsync(user, NewsPermissions.Publish, article.UnitCode, ct);
                var edited = article.Edit(content, slug.Value, canPublish, now);
                if (!edited.IsSuccess)
                {
                    return Result<Saved>.Failure(edited.Errors);
                }

                await RetireSlugAsync(article, edited.Value, now, ct);
            }

            var related = await db.Articles.Where(a => input.RelatedIds.Contains(a.Id) && a.UnitCode == article.UnitCode).Select(a => a.Id).ToListAsync(ct);
            article.ChooseRelated(input.RelatedIds.Where(related.Contains));
            db.ArticleRevisions.Add(ArticleRevision.Of(article, actor.UserId, actor.Name, now, null));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict(StaleMessage);
            }

            NewsLog.Saved(logger, article.Id, article.RevisionCount);
            return new Saved(article.Id, article.Slug, article.RevisionCount);
        }

        /// <summary>
        /// Checks that the cover and figure images come from the unit's own media library and points each media figure
        /// at its default copy (pages add the other widths).
        /// </summary>
        private async Task<Result<ArticleContent>> WithMediaAsync(string unit, ArticleContent content, CancellationToken ct)
        {
            var ids = content.Figures.Where(f => f.MediaId is not null).Select(f => f.MediaId!.Value).ToHashSet();
            if (content.CoverMediaId is { } cover)
            {
                ids.Add(cover);
            }

            var found = await media.FindAsync(unit, ids, ct);
            if (content.CoverMediaId is { } coverId && !found.ContainsKey(coverId))
            {
                return Error.Validation("Ảnh bìa đã chọn không có trong thư viện ảnh của đơn vị này.", nameof(Command.CoverMediaId));
            }

            if (content.Figures.Any(f => f.MediaId is { } m && !found.ContainsKey(m)))
            {
                return Error.Validation("Ảnh minh họa đã chọn không có trong thư viện ảnh của đơn vị này.", nameof(Command.Figures));
            }

            return content with
            {
                Figures = content.Figures.Select(f => f.MediaId is { } m ? f with { ImageUrl = found[m].DefaultUrl } : f).ToList(),
            };
        }

        /// <summary>Keeps the former slug for redirects and frees the new one if it was this article's own former slug.</summary>
        private async Task RetireSlugAsync(Article article, string? former, DateTime now, CancellationToken ct)
        {
            if (former is null)
            {
                return;
            }

            var reused = await db.ArticleSlugs.Where(s => s.UnitCode == article.UnitCode && s.Slug == article.Slug && s.ArticleId == article.Id).ToListAsync(ct);
            db.ArticleSlugs.RemoveRange(reused);
            if (!await db.ArticleSlugs.AnyAsync(s => s.UnitCode == article.UnitCode && s.Slug == former, ct))
            {
                db.ArticleSlugs.Add(ArticleSlug.Create(article.UnitCode, former, article.Id, now));
            }
        }

        /// <summary>
        /// The slug to use: the one typed, or one made from the title. A slug made from the title gets -2, -3… when
        /// taken on this portal (now or formerly, by another article); a typed one that is taken is an error.
        /// </summary>
        private async Task<Result<string>> ChooseSlugAsync(string unit, string? typed, string title, Guid? self, CancellationToken ct)
        {
            var auto = string.IsNullOrWhiteSpace(typed);
            var baseSlug = VietnameseText.Slug(auto ? title : typed, Article.SlugMaxLength - 4);
            if (baseSlug.Length == 0)
            {
                return Error.Validation("Không tạo được đường dẫn: hãy nhập tiêu đề hoặc đường dẫn có chữ hoặc số.", nameof(Command.Slug));
            }

            if (!auto && self is { } id && await db.Articles.AnyAsync(a => a.Id == id && a.Slug == baseSlug, ct))
            {
                return baseSlug;
            }

            for (var n = 1; n < 100; n++)
            {
                var candidate = n == 1 ? baseSlug : $"{baseSlug}-{n}";
                if (self is { } me && await db.Articles.AnyAsync(a => a.Id == me && a.Slug == candidate, ct))
                {
                    return candidate;
                }

                var taken = await db.Articles.AnyAsync(a => a.UnitCode == unit && a.Slug == candidate && a.Id != self, ct)
                    || await db.ArticleSlugs.AnyAsync(s => s.UnitCode == unit && s.Slug == candidate && s.ArticleId != self, ct);
                if (!taken)
                {
                    return candidate;
                }

                if (!auto)
                {
                    return Error.Conflict($"Đường dẫn “{candidate}” đã được dùng cho bài khác của cổng này.", nameof(Command.Slug));
                }
            }

            return Error.Conflict("Không tìm được đường dẫn còn trống.", nameof(Command.Slug));
        }

        private async Task<Error?> CheckCategoryAsync(string unit, Guid? categoryId, CancellationToken ct) =>
            categoryId is { } id && !await db.Categories.AnyAsync(c => c.Id == id && c.UnitCode == unit, ct)
                ? Error.Validation("Chuyên mục không thuộc cổng này.", nameof(Command.CategoryId))
                : null;

        private static Error NotFound() => Error.NotFound("Không tìm thấy bài này.");
    }
}

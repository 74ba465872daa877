using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News;

/// <summary>
/// An article of a unit's portal. Its content changes through <see cref="Edit"/> and its status only through the
/// workflow methods, which allow the legal transitions only: Draft → Submitted → Approved → Published or
/// Scheduled → Withdrawn, and Submitted → Draft. Scheduled articles are public once their time has passed:
/// <see cref="IsPublishedAt"/> and <see cref="ArticleQueries.PublishedAt"/> decide that at read time.
/// </summary>
public sealed class Article : IAudited
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 120;
    public const int LeadMaxLength = 1000;
    public const int BodyMaxLength = 100_000;
    public const int AuthorMaxLength = 100;
    public const int TagsMaxLength = 500;
    public const int TagMaxLength = 50;
    public const int MaxTags = 10;
    public const int MaxFigures = 20;
    public const int ReasonMaxLength = 500;
    public const int SearchMaxLength = 2000;
    public const int TagSlugsMaxLength = 1000;

    private readonly List<ArticleFigure> _figures = [];
    private readonly List<ArticleLink> _links = [];

    private Article()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The portal's owning unit (its official code).</summary>
    public string UnitCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>Unique per portal, without diacritics; former slugs live in <see cref="ArticleSlug"/>.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>The sapo: the lead paragraph shown under the title.</summary>
    public string Lead { get; private set; } = "";

    /// <summary>Markdown; rendered and sanitised by <see cref="ArticleHtml"/>.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The by-line, e.g. "DƯƠNG HÒA".</summary>
    public string? Author { get; private set; }

    public Guid? CategoryId { get; private set; }

    /// <summary>The cover image: an item of the unit's media library (its alt text comes with it).</summary>
    public Guid? CoverMediaId { get; private set; }

    /// <summary>Tags joined by "; ".</summary>
    public string Tags { get; private set; } = "";

    /// <summary>Folded title, lead, author and tags for searching without diacritics.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Folded title: the most heavily weighted column of the full-text index (<see cref="ArticleSearch"/>).</summary>
    public string SearchTitle { get; private set; } = "";

    /// <summary>Folded plain text of the body and figure captions: the full-text index's body column.</summary>
    public string SearchBody { get; private set; } = "";

    /// <summary>The slugs of the tags, each between bars (<c>|an-ninh|nam-sach|</c>), for the public tag pages.</summary>
    public string TagSlugs { get; private set; } = "";

    /// <summary>Chosen by someone with <see cref="NewsPermissions.Publish"/> to head the portal's home page.</summary>
    public bool IsFeatured { get; private set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>When it was (Published) or will be (Scheduled) published, UTC.</summary>
    public DateTime? PublishAtUtc { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Number of the latest <see cref="ArticleRevision"/>.</summary>
    public int RevisionCount { get; private set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ArticleFigure> Figures => _figures;

    public IReadOnlyList<ArticleLink> Links => _links;

    string IAudited.AuditModule => "News";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    /// <summary>The tags as a list.</summary>
    public IReadOnlyList<string> TagList => SplitTags(Tags);

    /// <summary>True when the public may read it at <paramref name="nowUtc"/>.</summary>
    public bool IsPublishedAt(DateTime nowUtc) =>
        Status == ArticleStatus.Published || (Status == ArticleStatus.Scheduled && PublishAtUtc <= nowUtc);

    /// <summary>Whether content can be edited in this status by someone with or without <see cref="NewsPermissions.Publish"/>.</summary>
    public static bool CanEdit(ArticleStatus status, bool canPublish) => status switch
    {
        ArticleStatus.Draft => true,
        ArticleStatus.Approved or ArticleStatus.Published or ArticleStatus.Scheduled => canPublish,
        _ => false,
    };

    /// <summary>Creates a draft with its first revision.</summary>
    public static Result<Article> Create(string unitCode, ArticleContent content, string slug, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = content.Validate();
        if (errors.Count > 0)
        {
            return Result<Article>.Failure(errors);
        }

        var article = new Article
        {
            Id = Guid.CreateVersion7(),
            UnitCode = unitCode,
            Slug = slug,
            Status = ArticleStatus.Draft,
            CreatedAtUtc = nowUtc,
            Version = 1,
        };
        article.Apply(content, nowUtc);
        return article;
    }

    /// <summary>
    /// Changes the content. Drafts are edited by editors; approved, scheduled and published articles only by
    /// someone who may publish (the change is a new revision, the status stays). Returns the former slug when it changed.
    /// </summary>
    public Result<string?> Edit(ArticleContent content, string slug, bool canPublish, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!CanEdit(Status, canPublish))
        {
            return Error.Conflict(Status == ArticleStatus.Submitted
                ? "Bài đang chờ duyệt: hãy trả về nháp trước khi sửa."
                : $"Không thể sửa bài ở trạng thái “{Status.Vietnamese()}”.");
        }

        var errors = content.Validate();
        if (errors.Count > 0)
        {
            return Result<string?>.Failure(errors);
        }

        var former = slug == Slug ? null : Slug;
        Slug = slug;
        Apply(content, nowUtc);
        Version++;
        return former;
    }

    /// <summary>Restores title, lead and body from an old revision (the caller records the new revision).</summary>
    public Result<bool> Restore(ArticleRevision revision, bool canPublish, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (!CanEdit(Status, canPublish))
        {
            return Error.Conflict($"Không thể khôi phục bài ở trạng thái “{Status.Vietnamese()}”.");
        }

        Title = revision.Title;
        Lead = revision.Lead;
        Body = revision.Body;
        RefreshSearch();
        UpdatedAtUtc = nowUtc;
        RevisionCount++;
        Version++;
        return true;
    }

    /// <summary>Replaces the chosen related articles.</summary>
    public void ChooseRelated(IEnumerable<Guid> related)
    {
        ArgumentNullException.ThrowIfNull(related);
        _links.Clear();
        var position = 0;
        foreach (var id in related.Where(r => r != Id).Distinct().Take(10))
        {
            _links.Add(ArticleLink.Create(Id, id, position++));
        }
    }

    /// <summary>Marks the article as featured on the home page, or not (someone with <see cref="NewsPermissions.Publish"/>).</summary>
    public Error? SetFeatured(bool featured, DateTime nowUtc)
    {
        if (Status == ArticleStatus.Withdrawn && featured)
        {
            return Error.Conflict("Bài đã gỡ không thể là tin nổi bật.");
        }

        if (IsFeatured != featured)
        {
            IsFeatured = featured;
            UpdatedAtUtc = nowUtc;
            Version++;
        }

        return null;
    }

    /// <summary>Draft → Submitted (editor).</summary>
    public Error? Submit(DateTime nowUtc) => Move(ArticleStatus.Draft, ArticleStatus.Submitted, nowUtc);

    /// <summary>Submitted → Draft (editor taking it back, or the editor-in-chief returning it).</summary>
    public Error? ReturnToDraft(DateTime nowUtc) => Move(ArticleStatus.Submitted, ArticleStatus.Draft, nowUtc);

    /// <summary>Submitted → Approved (editor-in-chief).</summary>
    public Error? Approve(DateTime nowUtc) => Move(ArticleStatus.Submitted, ArticleStatus.Approved, nowUtc);

    /// <summary>Approved → Published now (editor-in-chief).</summary>
    public Error? Publish(DateTime nowUtc)
    {
        var error = Move(ArticleStatus.Approved, ArticleStatus.Published, nowUtc);
        if (error is null)
        {
            PublishAtUtc = nowUtc;
        }

        return error;
    }

    /// <summary>Approved → Scheduled for a later UTC time (editor-in-chief).</summary>
    public Error? Schedule(DateTime atUtc, DateTime nowUtc)
    {
        if (Status == ArticleStatus.Approved && atUtc <= nowUtc)
        {
            return Error.Validation("Thời điểm hẹn xuất bản phải ở tương lai.", "PublishAt");
        }

        var error = Move(ArticleStatus.Approved, ArticleStatus.Scheduled, nowUtc);
        if (error is null)
        {
            PublishAtUtc = atUtc;
        }

        return error;
    }

    /// <summary>Published or Scheduled → Withdrawn, with a mandatory reason (editor-in-chief).</summary>
    public Error? Withdraw(string? reason, DateTime nowUtc)
    {
        var cleaned = VietnameseText.Clean(reason);
        if (Status is not (ArticleStatus.Published or ArticleStatus.Scheduled))
        {
            return Illegal(ArticleStatus.Withdrawn);
        }

        if (cleaned.Length == 0 || cleaned.Length > ReasonMaxLength)
        {
            return Error.Validation($"Hãy ghi lý do gỡ bài (tối đa {ReasonMaxLength} ký tự).", "Reason");
        }

        Status = ArticleStatus.Withdrawn;
        WithdrawnReason = cleaned;
        IsFeatured = false;
        UpdatedAtUtc = nowUtc;
        Version++;
        return null;
    }

    internal static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(VietnameseText.Clean).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private Error? Move(ArticleStatus from, ArticleStatus to, DateTime nowUtc)
    {
        if (Status != from)
        {
            return Illegal(to);
        }

        Status = to;
        UpdatedAtUtc = nowUtc;
        Version++;
        return null;
    }

    private Error Illegal(ArticleStatus to) =>
        Error.Conflict($"Không thể chuyển bài từ “{Status.Vietnamese()}” sang “{to.Vietnamese()}”.");

    private void Apply(ArticleContent content, DateTime nowUtc)
    {
        Title = VietnameseText.Clean(content.Title);
        Lead = VietnameseText.Clean(content.Lead);
        Body = NormaliseBody(content.Body);
        Author = VietnameseText.Clean(content.Author) is { Length: > 0 } author ? author : null;
        CategoryId = content.CategoryId;
        CoverMediaId = content.CoverMediaId;
        var tags = SplitTags(content.Tags);
        Tags = string.Join("; ", tags);
        TagSlugs = TagSlugList(tags);
        _figures.Clear();
        var position = 0;
        foreach (var figure in content.Figures)
        {
            _figures.Add(ArticleFigure.Create(figure, position++));
        }

        RefreshSearch();
        UpdatedAtUtc = nowUtc;
        RevisionCount++;
    }

    private void RefreshSearch()
    {
        var folded = VietnameseText.Fold($"{Title} {Lead} {Author} {Tags}");
        SearchText = folded.Length <= SearchMaxLength ? folded : folded[..SearchMaxLength];
        SearchTitle = VietnameseText.Fold(Title);
        var body = VietnameseText.Fold(ArticleSearch.PlainText(Body) + " " + string.Join(" ", _figures.Select(f => f.Caption)));
        SearchBody = body.Length <= BodyMaxLength ? body : body[..BodyMaxLength];
    }

    /// <summary>Recomputes the derived search and tag columns (rows written before they existed); not a revision.</summary>
    internal void Reindex()
    {
        TagSlugs = TagSlugList(SplitTags(Tags));
        RefreshSearch();
    }

    /// <summary>The tag slugs between bars, without empty or duplicate slugs, cut to whole entries that fit the column.</summary>
    internal static string TagSlugList(IEnumerable<string> tags)
    {
        var slugs = tags.Select(t => VietnameseText.Slug(t, TagMaxLength)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
        var builder = new System.Text.StringBuilder("|");
        foreach (var slug in slugs)
        {
            if (builder.Length + slug.Length + 1 > TagSlugsMaxLength)
            {
                break;
            }

            builder.Append(slug).Append('|');
        }

        return builder.Length == 1 ? "" : builder.ToString();
    }

    private static string NormaliseBody(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return text.IsNormalized(System.Text.NormalizationForm.FormC) ? text : text.Normalize(System.Text.NormalizationForm.FormC);
    }
}

/// <summary>The editable content of an article, checked by <see cref="Validate"/>.</summary>
public sealed record ArticleContent(string Title, string Lead, string Body, string? Author, Guid? CategoryId, string? Tags, IReadOnlyList<FigureContent> Figures, Guid? CoverMediaId = null)
{
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        var title = VietnameseText.Clean(Title);
        if (title.Length == 0 || title.Length > Article.TitleMaxLength)
        {
            errors.Add(Error.Validation($"Tiêu đề phải có từ 1 đến {Article.TitleMaxLength} ký tự.", nameof(Title)));
        }

        if (VietnameseText.Clean(Lead).Length > Article.LeadMaxLength)
        {
            errors.Add(Error.Validation($"Sapo tối đa {Article.LeadMaxLength} ký tự.", nameof(Lead)));
        }

        if ((Body ?? "").Length > Article.BodyMaxLength)
        {
            errors.Add(Error.Validation($"Nội dung tối đa {Article.BodyMaxLength} ký tự.", nameof(Body)));
        }

        if (VietnameseText.Clean(Author).Length > Article.AuthorMaxLength)
        {
            errors.Add(Error.Validation($"Tác giả tối đa {Article.AuthorMaxLength} ký tự.", nameof(Author)));
        }

        var tags = Article.SplitTags(Tags);
        if (tags.Count > Article.MaxTags || tags.Any(t => t.Length > Article.TagMaxLength) || string.Join("; ", tags).Length > Article.TagsMaxLength)
        {
            errors.Add(Error.Validation($"Tối đa {Article.MaxTags} thẻ, mỗi thẻ tối đa {Article.TagMaxLength} ký tự.", nameof(Tags)));
        }

        if (Figures.Count > Article.MaxFigures)
        {
            errors.Add(Error.Validation($"Tối đa {Article.MaxFigures} ảnh.", nameof(Figures)));
        }

        foreach (var figure in Figures)
        {
            if (figure.Alt.Length == 0 || figure.Alt.Length > ArticleFigure.AltMaxLength)
            {
                errors.Add(Error.Validation($"Mỗi ảnh phải có mô tả thay thế (alt) từ 1 đến {ArticleFigure.AltMaxLength} ký tự.", nameof(Figures)));
            }

            if (figure.Caption.Length > ArticleFigure.CaptionMaxLength || (figure.ImageUrl?.Length ?? 0) > ArticleFigure.ImageUrlMaxLength || figure.AfterParagraph < 0)
            {
                errors.Add(Error.Validation($"Chú thích ảnh tối đa {ArticleFigure.CaptionMaxLength} ký tự, đường dẫn ảnh tối đa {ArticleFigure.ImageUrlMaxLength} ký tự.", nameof(Figures)));
            }

            if (figure.ImageUrl is { Length: > 0 } url && !IsSafeImageUrl(url))
            {
                errors.Add(Error.Validation("Đường dẫn ảnh phải là đường dẫn trong trang (/...) hoặc https://.", nameof(Figures)));
            }
        }

        return errors.DistinctBy(e => e.Message).ToList();
    }

    internal static bool IsSafeImageUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}

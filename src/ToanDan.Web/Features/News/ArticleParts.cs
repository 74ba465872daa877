namespace ToanDan.Web.Features.News;

/// <summary>
/// A figure of an article: a caption and a mandatory alternative text, with or without an image (the seed's
/// photos exist only as captions, so a figure can be a placeholder). It stands after the given block of the body.
/// </summary>
public sealed class ArticleFigure
{
    public const int CaptionMaxLength = 500;
    public const int AltMaxLength = 300;
    public const int ImageUrlMaxLength = 500;

    private ArticleFigure()
    {
    }

    public Guid Id { get; private set; }

    public Guid ArticleId { get; private set; }

    /// <summary>Order among the article's figures.</summary>
    public int Position { get; private set; }

    /// <summary>The figure goes after this many blocks (paragraphs) of the body; 0 puts it first.</summary>
    public int AfterParagraph { get; private set; }

    public string? ImageUrl { get; private set; }

    /// <summary>The media-library item shown (then <see cref="ImageUrl"/> is its default copy and pages add a srcset).</summary>
    public Guid? MediaId { get; private set; }

    public string Caption { get; private set; } = "";

    public string Alt { get; private set; } = "";

    internal static ArticleFigure Create(FigureContent content, int position) => new()
    {
        Id = Guid.CreateVersion7(),
        Position = position,
        AfterParagraph = content.AfterParagraph,
        ImageUrl = string.IsNullOrWhiteSpace(content.ImageUrl) ? null : content.ImageUrl.Trim(),
        MediaId = content.MediaId,
        Caption = content.Caption,
        Alt = content.Alt,
    };

    public FigureContent ToContent() => new(Caption, Alt, ImageUrl, AfterParagraph, MediaId);
}

/// <summary>A figure as written by the editor.</summary>
public sealed record FigureContent(string Caption, string Alt, string? ImageUrl, int AfterParagraph, Guid? MediaId = null);

/// <summary>A slug an article had before: kept so that old addresses redirect permanently to the new one.</summary>
public sealed class ArticleSlug
{
    private ArticleSlug()
    {
    }

    public Guid Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public Guid ArticleId { get; private set; }

    public DateTime RetiredAtUtc { get; private set; }

    internal static ArticleSlug Create(string unitCode, string slug, Guid articleId, DateTime nowUtc) =>
        new() { Id = Guid.CreateVersion7(), UnitCode = unitCode, Slug = slug, ArticleId = articleId, RetiredAtUtc = nowUtc };
}

/// <summary>Every save of an article keeps its title, lead and body as they were, with who saved it and when.</summary>
public sealed class ArticleRevision
{
    public const int NoteMaxLength = 200;

    private ArticleRevision()
    {
    }

    public Guid Id { get; private set; }

    public Guid ArticleId { get; private set; }

    /// <summary>1, 2, 3… per article.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string Lead { get; private set; } = "";

    public string Body { get; private set; } = "";

    public Guid? EditorId { get; private set; }

    public string EditorName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>E.g. "Khôi phục từ bản 2".</summary>
    public string? Note { get; private set; }

    internal static ArticleRevision Of(Article article, Guid? editorId, string editorName, DateTime nowUtc, string? note) => new()
    {
        Id = Guid.CreateVersion7(),
        ArticleId = article.Id,
        Number = article.RevisionCount,
        Title = article.Title,
        Lead = article.Lead,
        Body = article.Body,
        EditorId = editorId,
        EditorName = editorName.Length > Article.AuthorMaxLength ? editorName[..Article.AuthorMaxLength] : editorName,
        CreatedAtUtc = nowUtc,
        Note = note,
    };
}

/// <summary>A related article chosen by the editor, in order.</summary>
public sealed class ArticleLink
{
    private ArticleLink()
    {
    }

    public Guid ArticleId { get; private set; }

    public Guid RelatedId { get; private set; }

    public int Position { get; private set; }

    internal static ArticleLink Create(Guid articleId, Guid relatedId, int position) => new() { ArticleId = articleId, RelatedId = relatedId, Position = position };
}

using System.ComponentModel.DataAnnotations;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>The article form's fields, shared by creation and editing.</summary>
public record ArticleInput
{
    /// <summary>Names of the fields, for mapping handler errors to ModelState.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Title), nameof(Slug), nameof(Lead), nameof(Body), nameof(Author), nameof(CategoryId), nameof(Tags), nameof(Figures), nameof(CoverMediaId),
    };

    [Required(ErrorMessage = "Hãy nhập tiêu đề."), StringLength(Article.TitleMaxLength, ErrorMessage = "Tiêu đề tối đa {1} ký tự.")]
    public string Title { get; init; } = "";

    /// <summary>Empty: made from the title.</summary>
    [StringLength(Article.SlugMaxLength, ErrorMessage = "Đường dẫn tối đa {1} ký tự.")]
    public string? Slug { get; init; }

    [StringLength(Article.LeadMaxLength, ErrorMessage = "Sapo tối đa {1} ký tự.")]
    public string? Lead { get; init; }

    [StringLength(Article.BodyMaxLength, ErrorMessage = "Nội dung tối đa {1} ký tự.")]
    public string? Body { get; init; }

    [StringLength(Article.AuthorMaxLength, ErrorMessage = "Tác giả tối đa {1} ký tự.")]
    public string? Author { get; init; }

    public Guid? CategoryId { get; init; }

    /// <summary>Separated by commas or semicolons.</summary>
    [StringLength(Article.TagsMaxLength, ErrorMessage = "Thẻ tối đa {1} ký tự.")]
    public string? Tags { get; init; }

    public List<FigureInput> Figures { get; init; } = [];

    /// <summary>The cover image, from the unit's media library.</summary>
    public Guid? CoverMediaId { get; init; }

    /// <summary>Related articles chosen by the editor.</summary>
    public List<Guid> RelatedIds { get; init; } = [];

    /// <summary>The content for the entity; empty figure rows are dropped.</summary>
    public ArticleContent ToContent() => new(
        Title,
        Lead ?? "",
        Body ?? "",
        Author,
        CategoryId,
        Tags,
        Figures.Where(f => !f.IsEmpty)
            .Select(f => new FigureContent(VietnameseText.Clean(f.Caption), VietnameseText.Clean(f.Alt), f.MediaId is null && !string.IsNullOrWhiteSpace(f.ImageUrl) ? f.ImageUrl.Trim() : null, f.AfterParagraph ?? 0, f.MediaId))
            .ToList(),
        CoverMediaId);
}

/// <summary>A figure row of the form.</summary>
public sealed record FigureInput
{
    [StringLength(ArticleFigure.CaptionMaxLength)]
    public string? Caption { get; init; }

    [StringLength(ArticleFigure.AltMaxLength)]
    public string? Alt { get; init; }

    [StringLength(ArticleFigure.ImageUrlMaxLength)]
    public string? ImageUrl { get; init; }

    [Range(0, 1000)]
    public int? AfterParagraph { get; init; }

    /// <summary>An image of the media library (takes the place of <see cref="ImageUrl"/>).</summary>
    public Guid? MediaId { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Caption) && string.IsNullOrWhiteSpace(Alt) && string.IsNullOrWhiteSpace(ImageUrl) && MediaId is null;
}

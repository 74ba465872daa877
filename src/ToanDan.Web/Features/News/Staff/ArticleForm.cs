namespace ToanDan.Web.Features.News.Staff;

/// <summary>What the article form partial needs from its page.</summary>
public interface IArticleForm
{
    SaveArticle.Command Input { get; }

    /// <summary>Categories of the portals in scope.</summary>
    IReadOnlyList<(Guid Id, string UnitCode, string Name)> Categories { get; }

    /// <summary>Articles that can be chosen as related (same portal).</summary>
    IReadOnlyList<(Guid Id, string Title)> Candidates { get; }

    /// <summary>Images of the media library that can be the cover or a figure (the article's unit; all units in scope for a new one).</summary>
    IReadOnlyList<Media.ListMedia.Row> Media { get; }
}

/// <summary>An article as the staff preview shows it; <see cref="BodyHtml"/> is sanitised.</summary>
public sealed record ArticlePreview(string Title, string Lead, string BodyHtml, string? Author, string? CategoryName, IReadOnlyList<string> Tags);

/// <summary>Builds previews from form input.</summary>
public static class ArticlePreviews
{
    public static ArticlePreview From(ArticleHtml html, SaveArticle.Command input, string? categoryName)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(input);
        var content = input.ToContent();
        return new ArticlePreview(content.Title, content.Lead, html.Render(content.Body, content.Figures), content.Author, categoryName, Article.SplitTags(content.Tags));
    }
}

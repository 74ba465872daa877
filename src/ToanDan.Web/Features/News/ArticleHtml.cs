using System.Text;
using System.Text.Encodings.Web;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;

namespace ToanDan.Web.Features.News;

/// <summary>
/// Turns an article's Markdown body and figures into HTML that is safe to show: Markdig renders the Markdown
/// (raw HTML in it is escaped, not passed through), figures are written with encoded text after the block they
/// follow, and HtmlSanitizer then removes anything a browser could run: scripts, event handlers, <c>javascript:</c>
/// and other non-http(s) URLs, and every <c>style</c>. Every other field of an article is plain text and is
/// encoded by Razor.
/// </summary>
public sealed class ArticleHtml
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().UseAutoLinks().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer;

    public ArticleHtml()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedTags.Remove("input");
        _sanitizer.AllowedTags.Remove("button");
        _sanitizer.AllowedTags.Remove("textarea");
        _sanitizer.AllowedTags.Remove("select");
        _sanitizer.AllowedTags.Remove("option");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedTags.Add("figure");
        foreach (var attribute in new[] { "srcset", "sizes", "width", "height", "loading" })
        {
            _sanitizer.AllowedAttributes.Add(attribute);
        }

        _sanitizer.AllowedTags.Add("figcaption");
        _sanitizer.AllowedAttributes.Add("class");
    }

    /// <summary>The Markdown alone, rendered and sanitised (the editor's preview).</summary>
    public string Render(string? markdown) => Render(markdown, []);

    /// <summary>The body with its figures placed after the blocks they follow, rendered and sanitised.</summary>
    public string Render(string? markdown, IReadOnlyList<FigureContent> figures) => Render(markdown, figures, null);

    /// <summary>
    /// As <see cref="Render(string?, IReadOnlyList{FigureContent})"/>; figures from the media library get every stored
    /// width in a <c>srcset</c>, with their pixel size so the page does not jump while images load.
    /// </summary>
    public string Render(string? markdown, IReadOnlyList<FigureContent> figures, IReadOnlyDictionary<Guid, Media.MediaImage>? media)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var document = Markdown.Parse(markdown ?? "", _pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        var blocks = document.ToList();
        for (var i = 0; i <= blocks.Count; i++)
        {
            foreach (var figure in figures.Where(f => Math.Min(f.AfterParagraph, blocks.Count) == i))
            {
                writer.Write(Figure(figure, figure.MediaId is { } id && media is not null && media.TryGetValue(id, out var image) ? image : null));
            }

            if (i < blocks.Count)
            {
                renderer.Render(blocks[i]);
            }
        }

        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    private static string Figure(FigureContent figure, Media.MediaImage? image)
    {
        var html = HtmlEncoder.Default;
        var builder = new StringBuilder("<figure class=\"article-figure\">");
        if (image is not null)
        {
            builder.Append(Img(image, figure.Alt, "(max-width: 800px) 100vw, 800px"));
        }
        else if (figure.ImageUrl is { Length: > 0 } url && ArticleContent.IsSafeImageUrl(url))
        {
            builder.Append("<img src=\"").Append(html.Encode(url)).Append("\" alt=\"").Append(html.Encode(figure.Alt)).Append("\">");
        }
        else
        {
            // No photo (the seed's photos survive only as captions): the alternative text stands in, visibly.
            builder.Append("<div class=\"figure-placeholder\">").Append(html.Encode(figure.Alt)).Append("</div>");
        }

        if (figure.Caption.Length > 0)
        {
            builder.Append("<figcaption>").Append(html.Encode(figure.Caption)).Append("</figcaption>");
        }

        return builder.Append("</figure>\n").ToString();
    }

    /// <summary>An <c>img</c> element for a media image with its srcset, size and alternative text (encoded).</summary>
    public static string Img(Media.MediaImage image, string alt, string sizes)
    {
        ArgumentNullException.ThrowIfNull(image);
        var html = HtmlEncoder.Default;
        var width = image.DefaultWidth;
        return new StringBuilder("<img src=\"").Append(html.Encode(image.DefaultUrl))
            .Append("\" srcset=\"").Append(html.Encode(image.SrcSet))
            .Append("\" sizes=\"").Append(html.Encode(sizes))
            .Append("\" width=\"").Append(width.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(image.HeightAt(width).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("\" alt=\"").Append(html.Encode(alt)).Append("\" loading=\"lazy\">").ToString();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>The editor-in-chief's steps (<see cref="ChangeArticleStatus"/>): approve, return, publish now, schedule, withdraw.</summary>
[Authorize(Policy = NewsPermissions.Publish)]
public sealed class PublishModel(SaveArticle.Handler articles, ChangeArticleStatus.Handler workflow, FeatureArticle.Handler feature, ArticleHtml html, ListArticles.Handler lists) : PageModel
{
    public SaveArticle.Current? Article { get; private set; }

    public ArticlePreview? Preview { get; private set; }

    /// <summary>Vietnam time for scheduling.</summary>
    [BindProperty]
    public DateTime? PublishAt { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, ChangeArticleStatus.Step step, CancellationToken ct)
    {
        var result = await workflow.HandleAsync(User, new ChangeArticleStatus.Command(id, step, PublishAt, Reason), ct);
        if (!result.IsSuccess)
        {
            var code = result.Errors[0].Code;
            if (code == ErrorCodes.NotFound)
            {
                return NotFound();
            }

            if (code == ErrorCodes.Forbidden)
            {
                return Forbid();
            }

            await LoadAsync(id, ct);
            ModelState.AddErrors(result.Errors, "", new HashSet<string>(StringComparer.Ordinal) { nameof(PublishAt), nameof(Reason) });
            return Page();
        }

        TempData["NewsMessage"] = $"Bài đã chuyển sang “{result.Value.Vietnamese()}”.";
        return RedirectToPage("/News/Staff/Edit", new { id });
    }

    /// <summary>Puts the article among the home page's featured news, or takes it off.</summary>
    public async Task<IActionResult> OnPostFeatureAsync(Guid id, bool featured, CancellationToken ct)
    {
        var result = await feature.HandleAsync(User, new FeatureArticle.Command(id, featured), ct);
        if (!result.IsSuccess)
        {
            var code = result.Errors[0].Code;
            if (code == ErrorCodes.NotFound)
            {
                return NotFound();
            }

            if (code == ErrorCodes.Forbidden)
            {
                return Forbid();
            }

            await LoadAsync(id, ct);
            ModelState.AddErrors(result.Errors, "", new HashSet<string>(StringComparer.Ordinal));
            return Page();
        }

        TempData["NewsMessage"] = result.Value ? "Bài đã được đưa vào tin nổi bật." : "Bài đã được bỏ khỏi tin nổi bật.";
        return RedirectToPage("/News/Staff/Edit", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var current = await articles.GetAsync(User, id, ct);
        if (!current.IsSuccess || !current.Value.CanPublish)
        {
            return false;
        }

        Article = current.Value;
        var category = (await lists.CategoriesAsync(User, ct)).FirstOrDefault(c => c.Id == Article.Input.CategoryId).Name;
        Preview = ArticlePreviews.From(html, Article.Input, category);
        return true;
    }
}

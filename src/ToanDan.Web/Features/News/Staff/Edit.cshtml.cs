using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>
/// One article: its form (<see cref="SaveArticle"/>) while its status allows editing, a preview, and the
/// editor's workflow steps (submit, back to draft). Publishing steps are on the Publish page.
/// </summary>
[Authorize(Policy = NewsPermissions.Edit)]
public sealed class EditModel(SaveArticle.Handler handler, ChangeArticleStatus.Handler workflow, ListArticles.Handler lists, Media.ListMedia.Handler media, ArticleHtml html) : PageModel, IArticleForm
{
    [BindProperty]
    public SaveArticle.Command Input { get; set; } = new();

    public SaveArticle.Current? Article { get; private set; }

    public IReadOnlyList<(Guid Id, string UnitCode, string Name)> Categories { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title)> Candidates { get; private set; } = [];

    public IReadOnlyList<Media.ListMedia.Row> Media { get; private set; } = [];

    public ArticlePreview? Preview { get; private set; }

    [TempData(Key = "NewsMessage")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = Article!.Input;
        Preview = ArticlePreviews.From(html, Input, CategoryName());
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        Preview = ArticlePreviews.From(html, Input, CategoryName());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(User, Input with { Id = id }, ct);
        if (!result.IsSuccess)
        {
            if (result.Errors.Any(e => e.Code == ErrorCodes.NotFound))
            {
                return NotFound();
            }

            ModelState.AddErrors(result.Errors, nameof(Input), ArticleInput.Fields);
            return Page();
        }

        Message = $"Đã lưu phiên bản {result.Value.Revision}.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => StepAsync(id, ChangeArticleStatus.Step.Submit, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => StepAsync(id, ChangeArticleStatus.Step.ReturnToDraft, ct);

    private async Task<IActionResult> StepAsync(Guid id, ChangeArticleStatus.Step step, CancellationToken ct)
    {
        var result = await workflow.HandleAsync(User, new ChangeArticleStatus.Command(id, step), ct);
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
            Input = Article!.Input;
            ModelState.AddErrors(result.Errors, nameof(Input), ArticleInput.Fields);
            return Page();
        }

        Message = $"Bài đã chuyển sang “{result.Value.Vietnamese()}”.";
        return RedirectToPage(new { id });
    }

    private string? CategoryName() => Categories.FirstOrDefault(c => c.Id == Input.CategoryId).Name;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var current = await handler.GetAsync(User, id, ct);
        if (!current.IsSuccess)
        {
            return false;
        }

        Article = current.Value;
        Categories = (await lists.CategoriesAsync(User, ct)).Where(c => c.UnitCode == Article.UnitCode).ToList();
        Candidates = (await lists.HandleAsync(User, new ListArticles.Query(null, null, null), ct))
            .Where(r => r.UnitCode == Article.UnitCode && r.Id != id).Select(r => (r.Id, r.Title)).ToList();
        Media = await media.HandleAsync(User, Article.UnitCode, ct);
        return true;
    }
}

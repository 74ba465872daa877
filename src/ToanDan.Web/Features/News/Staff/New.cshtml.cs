using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>Writes a new draft (<see cref="SaveArticle"/>), with a preview of the Markdown before saving.</summary>
[Authorize(Policy = NewsPermissions.Edit)]
public sealed class NewModel(SaveArticle.Handler handler, ListArticles.Handler lists, Media.ListMedia.Handler media, NewsAccess access, ArticleHtml html) : PageModel, IArticleForm
{
    [BindProperty]
    public SaveArticle.Command Input { get; set; } = new();

    public IReadOnlyList<string> Units { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string UnitCode, string Name)> Categories { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title)> Candidates => [];

    public IReadOnlyList<Media.ListMedia.Row> Media { get; private set; } = [];

    public ArticlePreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new SaveArticle.Command { UnitCode = Units.Count > 0 ? Units[0] : null };
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        Preview = ArticlePreviews.From(html, Input, Categories.FirstOrDefault(c => c.Id == Input.CategoryId).Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(User, Input with { Id = null }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), ArticleInput.Fields.Append(nameof(SaveArticle.Command.UnitCode)).ToHashSet());
            return Page();
        }

        TempData["NewsMessage"] = "Đã lưu bản nháp.";
        return RedirectToPage("/News/Staff/Edit", new { id = result.Value.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = access.PortalUnits(User);
        Categories = await lists.CategoriesAsync(User, ct);
        Media = await media.HandleAsync(User, null, ct);
    }
}

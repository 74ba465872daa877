using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ToanDan.Web.Features.News.Staff;

/// <summary>The newsroom: articles of the portals in scope, filtered by status, category and text.</summary>
[Authorize(Policy = NewsPermissions.Edit)]
public sealed class IndexModel(ListArticles.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ArticleStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ListArticles.Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string UnitCode, string Name)> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Q is { Length: > 100 } text ? text[..100] : Q;
        Rows = await handler.HandleAsync(User, new ListArticles.Query(Status is { } s && Enum.IsDefined(s) ? s : null, Category, q), ct);
        Categories = await handler.CategoriesAsync(User, ct);
    }
}

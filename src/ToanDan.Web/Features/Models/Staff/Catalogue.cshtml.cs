using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>The catalogues of model kinds and fields: add an entry, rename, reorder, retire or restore one.</summary>
[Authorize(Policy = ModelsPermissions.Catalogue)]
public sealed class CatalogueModel(ModelCatalogues catalogues, SaveCatalogueEntry.Handler save) : PageModel
{
    public IReadOnlyList<ModelCatalogueEntry> Kinds { get; private set; } = [];

    public IReadOnlyList<ModelCatalogueEntry> Fields { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(SaveCatalogueEntry.Command entry, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var saved = await save.HandleAsync(entry, ct);
            if (saved.IsSuccess)
            {
                Message = $"Đã lưu mục “{saved.Value}”.";
                return RedirectToPage();
            }

            foreach (var error in saved.Errors)
            {
                ModelState.AddModelError("", error.Message);
            }

            Response.StatusCode = saved.Errors[0].Code == ErrorCodes.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await catalogues.EntriesAsync(ModelCatalogue.Kind, ct);
        Fields = await catalogues.EntriesAsync(ModelCatalogue.Field, ct);
    }
}

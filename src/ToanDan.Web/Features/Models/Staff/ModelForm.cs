using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>What the model form (_ModelFields) needs besides the input: the catalogues.</summary>
[Authorize(Policy = ModelsPermissions.Edit)]
public abstract class ModelFormPage(ModelCatalogues catalogues) : PageModel
{
    [BindProperty]
    public SaveModel.Command Input { get; set; } = new();

    public IReadOnlyList<ModelCatalogueEntry> Kinds { get; private set; } = [];

    public IReadOnlyList<ModelCatalogueEntry> Fields { get; private set; } = [];

    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    protected async Task LoadCataloguesAsync(CancellationToken ct)
    {
        Kinds = await catalogues.EntriesAsync(ModelCatalogue.Kind, ct);
        Fields = await catalogues.EntriesAsync(ModelCatalogue.Field, ct);
    }
}

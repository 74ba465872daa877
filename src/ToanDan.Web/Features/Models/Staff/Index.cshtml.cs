using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>The list of models in scope with filters (<see cref="ListModels"/>) and its .xlsx export.</summary>
[Authorize(Policy = ModelsPermissions.View)]
public sealed class IndexModel(ListModels.Handler list, ModelCatalogues catalogues, ModelAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListModels.Query Filter { get; set; } = new();

    public ListModels.Listing Listing { get; private set; } = null!;

    public IReadOnlyList<ModelCatalogueEntry> Kinds { get; private set; } = [];

    public IReadOnlyList<ModelCatalogueEntry> Fields { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A malformed filter (e.g. status=xyz) is ignored rather than answered with an error page.
            Filter = new ListModels.Query { Unit = Filter.Unit, Text = Filter.Text };
        }

        Listing = await list.HandleAsync(Filter, User, allRows: false, English, ct);
        Kinds = await catalogues.EntriesAsync(ModelCatalogue.Kind, ct);
        Fields = await catalogues.EntriesAsync(ModelCatalogue.Field, ct);
        CanEdit = access.UnitsWith(User, ModelsPermissions.Edit).Count > 0;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var bytes = await list.ExportAsync(ModelState.IsValid ? Filter : new ListModels.Query(), User, ct);
        return File(bytes, XlsxWriter.ContentType, $"mo-hinh-{VietnamTime.Format(VietnamTime.Today(clock)).Replace('/', '-')}.xlsx");
    }

    /// <summary>The current filter with one value changed, for links.</summary>
    public Dictionary<string, string> With(string key, string? value)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string k, string? v)
        {
            if (!string.IsNullOrEmpty(v))
            {
                values[k] = v;
            }
        }

        Put("Filter.Unit", Filter.Unit);
        Put("Filter.Kind", Filter.Kind);
        Put("Filter.Field", Filter.Field);
        Put("Filter.Status", Filter.Status?.ToString());
        Put("Filter.Year", Filter.Year?.ToString(CultureInfo.InvariantCulture));
        Put("Filter.BuiltOnly", Filter.BuiltOnly ? "true" : null);
        Put("Filter.AboveCommunes", Filter.AboveCommunes ? "true" : null);
        Put("Filter.Text", Filter.Text);
        values.Remove(key);
        Put(key, value);
        return values;
    }
}

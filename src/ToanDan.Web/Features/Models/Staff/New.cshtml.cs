using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>Records a new model (<see cref="SaveModel"/>).</summary>
[Authorize(Policy = ModelsPermissions.Edit)]
public sealed class NewModel(SaveModel.Handler save, ModelCatalogues catalogues, ModelAccess access, TimeProvider clock) : ModelFormPage(catalogues)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new SaveModel.Command
        {
            UnitCode = access.UnitsWith(User, ModelsPermissions.Edit) is { Count: > 0 } units ? units[0] : "",
            EstablishedOn = VietnamTime.Today(clock),
        };
        await LoadCataloguesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var saved = await save.CreateAsync(Input, User, ct);
            if (saved.IsSuccess)
            {
                TempData["Message"] = "Đã thêm mô hình.";
                return RedirectToPage("/Models/Staff/Details", new { id = saved.Value });
            }

            ModelState.AddErrors(saved.Errors, nameof(Input), SaveModel.Fields);
        }

        await LoadCataloguesAsync(ct);
        return Page();
    }
}

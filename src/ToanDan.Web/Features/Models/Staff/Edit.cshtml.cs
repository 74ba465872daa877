using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>Edits what describes a model (<see cref="SaveModel"/>); out of scope is 404, a cluster member's officer gets 403.</summary>
[Authorize(Policy = ModelsPermissions.Edit)]
public sealed class EditModel(SaveModel.Handler save, ModelCatalogues catalogues, ModelAccess access) : ModelFormPage(catalogues)
{
    public Guid Id { get; private set; }

    public string ModelName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var model = await access.FindVisibleAsync(User, id, tracked: false, ct);
        if (model is null)
        {
            return NotFound();
        }

        if (!await access.CanAsync(User, ModelsPermissions.Edit, model.UnitCode, ct))
        {
            return Forbid();
        }

        Id = id;
        ModelName = model.Name;
        Input = new SaveModel.Command
        {
            UnitCode = model.UnitCode,
            Name = model.Name,
            KindCode = model.KindCode,
            FieldCode = model.FieldCode,
            EstablishedOn = model.EstablishedOn,
            IsCluster = model.IsCluster,
            Description = model.Description,
            Version = model.Version,
        };
        await LoadCataloguesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        ModelName = Input.Name;
        if (ModelState.IsValid)
        {
            var saved = await save.UpdateAsync(id, Input, User, ct);
            if (saved.IsSuccess)
            {
                TempData["Message"] = "Đã lưu mô hình.";
                return RedirectToPage("/Models/Staff/Details", new { id });
            }

            switch (saved.Errors[0].Code)
            {
                case ErrorCodes.NotFound:
                    return NotFound();
                case ErrorCodes.Forbidden:
                    return Forbid();
                case ErrorCodes.Conflict:
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    break;
            }

            ModelState.AddErrors(saved.Errors, nameof(Input), SaveModel.Fields);
        }

        await LoadCataloguesAsync(ct);
        return Page();
    }
}

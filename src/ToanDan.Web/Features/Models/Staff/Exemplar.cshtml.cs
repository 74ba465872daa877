using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// An exemplar: <c>/staff/models/exemplars/new</c> records one, <c>/staff/models/exemplars/{id}</c> shows it and, for
/// users who may edit its unit, edits it (<see cref="SaveExemplar"/>).
/// </summary>
[Authorize(Policy = ModelsPermissions.View)]
public sealed class ExemplarModel(SaveExemplar.Handler save, ModelAccess access, TimeProvider clock) : PageModel
{
    public Guid? Id { get; private set; }

    public bool CanEdit { get; private set; }

    [BindProperty]
    public SaveExemplar.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, Guid? modelId, string? unit, CancellationToken ct)
    {
        if (id == "new")
        {
            CanEdit = access.UnitsWith(User, ModelsPermissions.Edit).Count > 0;
            if (!CanEdit)
            {
                return Forbid();
            }

            Input = new SaveExemplar.Command
            {
                UnitCode = unit ?? access.UnitsWith(User, ModelsPermissions.Edit)[0],
                Kind = ExemplarKind.Collective,
                ModelId = modelId,
                DecisionDate = VietnamTime.Today(clock),
            };
            return Page();
        }

        if (!Guid.TryParse(id, out var key) || await save.FindVisibleAsync(key, User, tracked: false, ct) is not { } exemplar)
        {
            return NotFound();
        }

        Id = key;
        CanEdit = await access.CanAsync(User, ModelsPermissions.Edit, exemplar.UnitCode, ct);
        var d = exemplar.Details();
        Input = new SaveExemplar.Command
        {
            UnitCode = exemplar.UnitCode,
            Kind = d.Kind,
            Name = d.Name,
            ModelId = d.ModelId,
            Achievements = d.Achievements,
            RecognisedBy = d.RecognisedBy,
            DecisionNumber = d.DecisionNumber,
            DecisionDate = d.DecisionDate,
            Version = exemplar.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Guid? key = null;
        if (id != "new")
        {
            if (!Guid.TryParse(id, out var parsed))
            {
                return NotFound();
            }

            key = parsed;
            Id = parsed;
        }

        CanEdit = true;
        if (!access.UnitsWith(User, ModelsPermissions.Edit).Any())
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var saved = await save.SaveAsync(key, Input, User, ct);
            if (saved.IsSuccess)
            {
                TempData["Message"] = "Đã lưu điển hình tiên tiến.";
                return RedirectToPage("/Models/Staff/Exemplars");
            }

            switch (saved.Errors[0].Code)
            {
                case ErrorCodes.NotFound:
                    return NotFound();
                case ErrorCodes.Forbidden:
                    return Forbid();
            }

            ModelState.AddErrors(saved.Errors, nameof(Input), SaveExemplar.Fields);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>Edits one replication point of a model (location, dates, teams, members).</summary>
[Authorize(Policy = ModelsPermissions.Edit)]
public sealed class PointModel(ModelAccess access, EditModelParts.Handler parts) : PageModel
{
    public Guid Id { get; private set; }

    public string ModelName { get; private set; } = "";

    [BindProperty]
    public EditModelParts.PointInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid pointId, CancellationToken ct)
    {
        var model = await access.FindVisibleAsync(User, id, tracked: false, ct);
        var point = model?.Points.SingleOrDefault(p => p.Id == pointId);
        if (model is null || point is null)
        {
            return NotFound();
        }

        if (!await access.CanAsync(User, ModelsPermissions.Edit, model.UnitCode, ct))
        {
            return Forbid();
        }

        Id = id;
        ModelName = model.Name;
        Input = new EditModelParts.PointInput
        {
            UnitCode = point.UnitCode,
            PlaceId = point.PlaceId,
            Name = point.Name,
            EstablishedOn = point.EstablishedOn,
            ClosedOn = point.ClosedOn,
            Teams = point.Teams,
            Members = point.Members,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid pointId, CancellationToken ct)
    {
        Id = id;
        var model = await access.FindVisibleAsync(User, id, tracked: false, ct);
        if (model is null || model.Points.All(p => p.Id != pointId))
        {
            return NotFound();
        }

        ModelName = model.Name;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var saved = await parts.SavePointAsync(id, pointId, Input, User, ct);
        if (saved.IsSuccess)
        {
            TempData["Message"] = "Đã lưu điểm.";
            return RedirectToPage("/Models/Staff/Details", new { id });
        }

        if (saved.Errors[0].Code == ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        foreach (var error in saved.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// A model's page: what it is, its status history, replication points, cluster members, yearly evaluations and
/// exemplars, with the forms that change them (<see cref="EditModelParts"/>) for users who may edit it.
/// </summary>
[Authorize(Policy = ModelsPermissions.View)]
public sealed class DetailsModel(ToanDanDb db, ModelAccess access, EditModelParts.Handler parts, ModelCatalogues catalogues, TimeProvider clock) : PageModel
{
    public MovementModel Item { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<Guid, string> PlaceNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<(Guid Id, string Name)> OwnerPlaces { get; private set; } = [];

    public IReadOnlyList<Exemplar> Exemplars { get; private set; } = [];

    public string KindName { get; private set; } = "";

    public string FieldName { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public int MinimumAgeMonths => parts.MinimumAgeMonths;

    public EditModelParts.StatusInput StatusForm { get; private set; } = new();

    public EditModelParts.PointInput PointForm { get; private set; } = new();

    public EditModelParts.MemberInput MemberForm { get; private set; } = new();

    public EditModelParts.EvaluationInput EvaluationForm { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostStatusAsync(Guid id, EditModelParts.StatusInput statusForm, CancellationToken ct)
    {
        StatusForm = statusForm;
        return PostAsync(id, () => parts.ChangeStatusAsync(id, statusForm, User, ct), "Đã ghi trạng thái mới.", ct);
    }

    public Task<IActionResult> OnPostPointAsync(Guid id, EditModelParts.PointInput pointForm, CancellationToken ct)
    {
        PointForm = pointForm;
        return PostAsync(id, () => parts.SavePointAsync(id, null, pointForm, User, ct), "Đã thêm điểm.", ct);
    }

    public Task<IActionResult> OnPostMemberAsync(Guid id, EditModelParts.MemberInput memberForm, CancellationToken ct)
    {
        MemberForm = memberForm;
        return PostAsync(id, () => parts.AddMemberAsync(id, memberForm, User, ct), "Đã thêm đơn vị tham gia cụm.", ct);
    }

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, string? unitCode, CancellationToken ct) =>
        PostAsync(id, () => parts.RemoveMemberAsync(id, unitCode ?? "", User, ct), "Đã bỏ đơn vị khỏi cụm.", ct);

    public Task<IActionResult> OnPostEvaluateAsync(Guid id, EditModelParts.EvaluationInput evaluationForm, CancellationToken ct)
    {
        EvaluationForm = evaluationForm;
        return PostAsync(id, () => parts.EvaluateAsync(id, evaluationForm, User, ct), "Đã ghi kết quả đánh giá.", ct);
    }

    private async Task<IActionResult> PostAsync(Guid id, Func<Task<Result<bool>>> change, string done, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await change();
            if (result.IsSuccess)
            {
                Message = done;
                return RedirectToPage(new { id });
            }

            switch (result.Errors[0].Code)
            {
                case ErrorCodes.NotFound when result.Errors[0].Message.StartsWith("Không có mô hình", StringComparison.Ordinal):
                    return NotFound();
                case ErrorCodes.Forbidden:
                    return Forbid();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Message);
            }

            Response.StatusCode = result.Errors[0].Code == ErrorCodes.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var model = await access.FindVisibleAsync(User, id, tracked: false, ct);
        if (model is null)
        {
            return false;
        }

        Item = model;
        Today = VietnamTime.Today(clock);
        CanEdit = await access.CanAsync(User, ModelsPermissions.Edit, model.UnitCode, ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var (kinds, fields) = await catalogues.BothAsync(ct);
        KindName = kinds.TryGetValue(model.KindCode, out var kind) ? kind.DisplayName(english) : model.KindCode;
        FieldName = fields.TryGetValue(model.FieldCode, out var field) ? field.DisplayName(english) : model.FieldCode;
        UnitNames = await ModelUnitNames.LoadAsync(db, model.Points.Select(p => p.UnitCode).Concat(model.Members.Select(m => m.UnitCode)).Append(model.UnitCode), ct);
        var placeIds = model.Points.Where(p => p.PlaceId is not null).Select(p => p.PlaceId!.Value).ToList();
        PlaceNames = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        OwnerPlaces = (await db.Places.AsNoTracking().Where(p => p.CommuneCode == model.UnitCode)
                .OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        Exemplars = await db.Exemplars.AsNoTracking().Where(e => e.ModelId == id).OrderByDescending(e => e.DecisionDate).ToListAsync(ct);
        if (string.IsNullOrEmpty(PointForm.UnitCode))
        {
            PointForm = new EditModelParts.PointInput { UnitCode = model.UnitCode, EstablishedOn = Today, Teams = 1 };
        }

        StatusForm = StatusForm.EffectiveOn is null ? new EditModelParts.StatusInput { EffectiveOn = Today } : StatusForm;
        MemberForm = MemberForm.JoinedOn is null ? new EditModelParts.MemberInput { JoinedOn = Today } : MemberForm;
        EvaluationForm = EvaluationForm.Year is null
            ? new EditModelParts.EvaluationInput { Year = Today.Year, EvaluatedOn = Today, Result = EvaluationResult.Effective }
            : EvaluationForm;
        return true;
    }

    /// <summary>A date for an input of type date.</summary>
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

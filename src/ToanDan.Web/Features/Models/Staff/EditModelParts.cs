using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// The parts of a model edited on its page: status changes, replication points, cluster members and yearly
/// evaluations. Each loads the model in the user's view scope (else "not found"), needs
/// <see cref="ModelsPermissions.Edit"/> on the owner unit (else "forbidden": a cluster member sees but does not edit),
/// applies the entity's rule and saves all or nothing.
/// </summary>
public static class EditModelParts
{
    public sealed record StatusInput
    {
        [Required(ErrorMessage = "Hãy chọn trạng thái.")]
        public ModelStatus? Status { get; init; }

        [Required(ErrorMessage = "Hãy nhập ngày hiệu lực.")]
        public DateOnly? EffectiveOn { get; init; }

        [StringLength(ModelStatusChange.NoteMaxLength, ErrorMessage = "Ghi chú dài tối đa 500 ký tự.")]
        public string? Note { get; init; }
    }

    public sealed record PointInput
    {
        [Required(ErrorMessage = "Hãy nhập mã đơn vị của điểm.")]
        [StringLength(20, ErrorMessage = "Mã đơn vị dài tối đa 20 ký tự.")]
        public string UnitCode { get; init; } = "";

        public Guid? PlaceId { get; init; }

        [Required(ErrorMessage = "Hãy nhập tên điểm.")]
        [StringLength(ReplicationPoint.NameMaxLength, ErrorMessage = "Tên điểm dài tối đa 300 ký tự.")]
        public string Name { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập ngày lập điểm.")]
        public DateOnly? EstablishedOn { get; init; }

        public DateOnly? ClosedOn { get; init; }

        [Range(0, PointDetails.MaxTeams, ErrorMessage = "Số tổ phải từ 0 đến 1000.")]
        public int Teams { get; init; }

        [Range(0, PointDetails.MaxMembers, ErrorMessage = "Số thành viên phải từ 0 đến 100000.")]
        public int Members { get; init; }

        public PointDetails Details() => new(UnitCode.Trim(), PlaceId, Name, EstablishedOn ?? default, ClosedOn, Teams, Members);
    }

    public sealed record MemberInput
    {
        [Required(ErrorMessage = "Hãy nhập mã đơn vị tham gia.")]
        [StringLength(20, ErrorMessage = "Mã đơn vị dài tối đa 20 ký tự.")]
        public string UnitCode { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập ngày tham gia.")]
        public DateOnly? JoinedOn { get; init; }
    }

    public sealed record EvaluationInput
    {
        [Required(ErrorMessage = "Hãy nhập năm đánh giá.")]
        public int? Year { get; init; }

        [Required(ErrorMessage = "Hãy chọn kết quả.")]
        public EvaluationResult? Result { get; init; }

        [Required(ErrorMessage = "Hãy nhập ngày đánh giá.")]
        public DateOnly? EvaluatedOn { get; init; }

        [StringLength(ModelEvaluation.NoteMaxLength, ErrorMessage = "Nhận xét dài tối đa 1000 ký tự.")]
        public string? Note { get; init; }
    }

    public sealed class Handler(ToanDanDb db, ModelAccess access, UnitTree tree, TimeProvider clock, IOptions<ModelsOptions> options)
    {
        public int MinimumAgeMonths => options.Value.MinimumAgeMonths;

        public Task<Result<bool>> ChangeStatusAsync(Guid id, StatusInput input, ClaimsPrincipal user, CancellationToken ct) =>
            EditAsync(id, user, (model, today, now) =>
            {
                ArgumentNullException.ThrowIfNull(input);
                var changed = model.ChangeStatus(input.Status ?? ModelStatus.Active, input.EffectiveOn ?? today, input.Note, today, now);
                return Task.FromResult(changed.IsSuccess ? Result<bool>.Success(true) : Result<bool>.Failure(changed.Errors));
            }, ct);

        public Task<Result<bool>> SavePointAsync(Guid id, Guid? pointId, PointInput input, ClaimsPrincipal user, CancellationToken ct) =>
            EditAsync(id, user, async (model, today, now) =>
            {
                ArgumentNullException.ThrowIfNull(input);
                var details = input.Details();
                if (await ModelUnitNames.CheckUnitAsync(tree, details.UnitCode, details.EstablishedOn, ct) is { } unitError)
                {
                    return Error.Validation(unitError, nameof(PointInput.UnitCode));
                }

                if (details.PlaceId is { } placeId
                    && !await db.Places.AnyAsync(p => p.Id == placeId && p.CommuneCode == details.UnitCode, ct))
                {
                    return Error.Validation("Địa bàn đã chọn không thuộc đơn vị của điểm.", nameof(PointInput.PlaceId));
                }

                if (pointId is { } existing)
                {
                    return model.EditPoint(existing, details, today, now);
                }

                var added = model.AddPoint(details, today, now);
                if (added.IsSuccess)
                {
                    // A new child of a tracked aggregate with a key set by the application is not recognised as new by itself.
                    db.ReplicationPoints.Add(added.Value);
                }

                return added.IsSuccess ? true : Result<bool>.Failure(added.Errors);
            }, ct);

        public Task<Result<bool>> AddMemberAsync(Guid id, MemberInput input, ClaimsPrincipal user, CancellationToken ct) =>
            EditAsync(id, user, async (model, today, now) =>
            {
                ArgumentNullException.ThrowIfNull(input);
                var code = input.UnitCode.Trim();
                var joined = input.JoinedOn ?? today;
                if (await ModelUnitNames.CheckUnitAsync(tree, code, joined, ct) is { } unitError)
                {
                    return Error.Validation(unitError, nameof(MemberInput.UnitCode));
                }

                var added = model.AddMember(code, joined, today, now);
                if (added.IsSuccess)
                {
                    db.ClusterMembers.Add(added.Value);
                }

                return added.IsSuccess ? true : Result<bool>.Failure(added.Errors);
            }, ct);

        public Task<Result<bool>> RemoveMemberAsync(Guid id, string unitCode, ClaimsPrincipal user, CancellationToken ct) =>
            EditAsync(id, user, (model, _, now) => Task.FromResult(model.RemoveMember(unitCode, now)), ct);

        public Task<Result<bool>> EvaluateAsync(Guid id, EvaluationInput input, ClaimsPrincipal user, CancellationToken ct) =>
            EditAsync(id, user, (model, today, now) =>
            {
                ArgumentNullException.ThrowIfNull(input);
                var before = model.Evaluations.Count;
                var evaluated = model.Evaluate(input.Year ?? 0, input.Result ?? EvaluationResult.Effective, input.EvaluatedOn ?? today, input.Note, MinimumAgeMonths, today, now);
                if (evaluated.IsSuccess && model.Evaluations.Count > before)
                {
                    db.ModelEvaluations.Add(evaluated.Value);
                }

                return Task.FromResult(evaluated.IsSuccess ? Result<bool>.Success(true) : Result<bool>.Failure(evaluated.Errors));
            }, ct);

        private async Task<Result<bool>> EditAsync(Guid id, ClaimsPrincipal user, Func<MovementModel, DateOnly, DateTime, Task<Result<bool>>> change, CancellationToken ct)
        {
            var model = await access.FindVisibleAsync(user, id, tracked: true, ct);
            if (model is null)
            {
                return Error.NotFound("Không có mô hình này.");
            }

            if (!await access.CanAsync(user, ModelsPermissions.Edit, model.UnitCode, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Chỉ đơn vị xây dựng mô hình (và cấp trên) được sửa mô hình này.");
            }

            var result = await change(model, VietnamTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            if (!result.IsSuccess)
            {
                return result;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict(SaveModel.StaleMessage);
            }

            return true;
        }
    }
}

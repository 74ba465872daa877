using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// Creates or edits a model. The owner unit must exist on the established date and be in the user's scope with
/// <see cref="ModelsPermissions.Edit"/>; kind and field come from the catalogues (a retired entry may stay on a model
/// that already has it). A stale <see cref="Command.Version"/> is a conflict.
/// </summary>
public static class SaveModel
{
    public const string StaleMessage = "Mô hình đã được người khác sửa sau khi bạn mở trang. Hãy tải lại trang rồi sửa lại.";

    /// <summary>The input fields, for mapping errors to the form.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Command.UnitCode), nameof(Command.Name), nameof(Command.KindCode), nameof(Command.FieldCode),
        nameof(Command.EstablishedOn), nameof(Command.IsCluster), nameof(Command.Description),
    };

    public sealed record Command
    {
        [Required(ErrorMessage = "Hãy nhập mã đơn vị xây dựng mô hình.")]
        [StringLength(20, ErrorMessage = "Mã đơn vị dài tối đa 20 ký tự.")]
        public string UnitCode { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập tên mô hình.")]
        [StringLength(MovementModel.NameMaxLength, ErrorMessage = "Tên mô hình dài tối đa 300 ký tự.")]
        public string Name { get; init; } = "";

        [Required(ErrorMessage = "Hãy chọn loại mô hình.")]
        public string KindCode { get; init; } = "";

        [Required(ErrorMessage = "Hãy chọn lĩnh vực.")]
        public string FieldCode { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập ngày thành lập.")]
        public DateOnly? EstablishedOn { get; init; }

        public bool IsCluster { get; init; }

        [StringLength(MovementModel.DescriptionMaxLength, ErrorMessage = "Mô tả dài tối đa 2000 ký tự.")]
        public string? Description { get; init; }

        /// <summary>The version the form was opened with (edit only).</summary>
        public int? Version { get; init; }

        public ModelDetails Details() => new(Name, KindCode, FieldCode, EstablishedOn ?? default, IsCluster, Description);
    }

    public sealed class Handler(ToanDanDb db, ModelAccess access, UnitTree tree, ModelCatalogues catalogues, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Guid>> CreateAsync(Command input, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = await CheckAsync(input, null, user, ct);
            if (errors.Count > 0)
            {
                return Result<Guid>.Failure(errors);
            }

            var created = MovementModel.Create(input.UnitCode.Trim(), input.Details(), VietnamTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            if (!created.IsSuccess)
            {
                return Result<Guid>.Failure(created.Errors);
            }

            db.MovementModels.Add(created.Value);
            await db.SaveChangesAsync(ct);
            ModelsLog.Saved(logger, created.Value.Id);
            return created.Value.Id;
        }

        public async Task<Result<Guid>> UpdateAsync(Guid id, Command input, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var model = await access.FindVisibleAsync(user, id, tracked: true, ct);
            if (model is null)
            {
                return Error.NotFound("Không có mô hình này.");
            }

            if (!await access.CanAsync(user, ModelsPermissions.Edit, model.UnitCode, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Chỉ đơn vị xây dựng mô hình (và cấp trên) được sửa mô hình này.");
            }

            if (input.Version != model.Version)
            {
                return Error.Conflict(StaleMessage);
            }

            var errors = await CheckAsync(input, model, user, ct);
            if (errors.Count > 0)
            {
                return Result<Guid>.Failure(errors);
            }

            var edited = model.Edit(input.Details(), VietnamTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            if (!edited.IsSuccess)
            {
                return Result<Guid>.Failure(edited.Errors);
            }

            model.Reassign(input.UnitCode.Trim());

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict(StaleMessage);
            }

            ModelsLog.Saved(logger, model.Id);
            return model.Id;
        }

        private async Task<List<Error>> CheckAsync(Command input, MovementModel? existing, ClaimsPrincipal user, CancellationToken ct)
        {
            var errors = new List<Error>();
            var unit = input.UnitCode?.Trim() ?? "";
            if (input.EstablishedOn is not { } established)
            {
                errors.Add(Error.Validation("Hãy nhập ngày thành lập.", nameof(Command.EstablishedOn)));
                return errors;
            }

            if (await ModelUnitNames.CheckUnitAsync(tree, unit, established, ct) is { } unitError)
            {
                errors.Add(Error.Validation(unitError, nameof(Command.UnitCode)));
            }
            else if (!await access.CanAsync(user, ModelsPermissions.Edit, unit, ct))
            {
                errors.Add(Error.Validation($"Đơn vị mã {unit} không thuộc phạm vi của tài khoản.", nameof(Command.UnitCode)));
            }

            var (kinds, fields) = await catalogues.BothAsync(ct);
            if (!string.IsNullOrWhiteSpace(input.KindCode) && !(kinds.TryGetValue(input.KindCode, out var kind) && (kind.IsActive || existing?.KindCode == kind.Code)))
            {
                errors.Add(Error.Validation("Loại mô hình không có trong danh mục.", nameof(Command.KindCode)));
            }

            if (!string.IsNullOrWhiteSpace(input.FieldCode) && !(fields.TryGetValue(input.FieldCode, out var field) && (field.IsActive || existing?.FieldCode == field.Code)))
            {
                errors.Add(Error.Validation("Lĩnh vực không có trong danh mục.", nameof(Command.FieldCode)));
            }

            return errors;
        }
    }
}

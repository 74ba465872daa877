using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// Records or edits an exemplar (điển hình tiên tiến). Its unit must exist on the decision date and be in the user's
/// scope with <see cref="ModelsPermissions.Edit"/>; a linked model must be one the user can see.
/// </summary>
public static class SaveExemplar
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Command.UnitCode), nameof(Command.Kind), nameof(Command.Name), nameof(Command.ModelId), nameof(Command.Achievements),
        nameof(Command.RecognisedBy), nameof(Command.DecisionNumber), nameof(Command.DecisionDate),
    };

    public sealed record Command
    {
        [Required(ErrorMessage = "Hãy nhập mã đơn vị.")]
        [StringLength(20, ErrorMessage = "Mã đơn vị dài tối đa 20 ký tự.")]
        public string UnitCode { get; init; } = "";

        [Required(ErrorMessage = "Hãy chọn tập thể hoặc cá nhân.")]
        public ExemplarKind? Kind { get; init; }

        [Required(ErrorMessage = "Hãy nhập tên tập thể hoặc cá nhân.")]
        [StringLength(Exemplar.NameMaxLength, ErrorMessage = "Tên dài tối đa 300 ký tự.")]
        public string Name { get; init; } = "";

        public Guid? ModelId { get; init; }

        [StringLength(Exemplar.AchievementsMaxLength, ErrorMessage = "Thành tích dài tối đa 2000 ký tự.")]
        public string? Achievements { get; init; }

        [Required(ErrorMessage = "Hãy nhập cơ quan, người công nhận.")]
        [StringLength(Exemplar.RecognisedByMaxLength, ErrorMessage = "Cơ quan công nhận dài tối đa 300 ký tự.")]
        public string RecognisedBy { get; init; } = "";

        [StringLength(Exemplar.DecisionNumberMaxLength, ErrorMessage = "Số quyết định dài tối đa 60 ký tự.")]
        public string? DecisionNumber { get; init; }

        [Required(ErrorMessage = "Hãy nhập ngày quyết định.")]
        public DateOnly? DecisionDate { get; init; }

        public int? Version { get; init; }

        public ExemplarDetails Details() => new(Kind ?? ExemplarKind.Collective, Name, ModelId, Achievements, RecognisedBy, DecisionNumber, DecisionDate ?? default);
    }

    public sealed class Handler(ToanDanDb db, ModelAccess access, UnitTree tree, TimeProvider clock)
    {
        /// <summary>The exemplar when the user may see it (its unit in the view scope); otherwise null.</summary>
        public async Task<Exemplar?> FindVisibleAsync(Guid id, ClaimsPrincipal user, bool tracked, CancellationToken ct)
        {
            var query = tracked ? db.Exemplars : db.Exemplars.AsNoTracking();
            var exemplar = await query.SingleOrDefaultAsync(e => e.Id == id, ct);
            return exemplar is not null && await access.CanAsync(user, ModelsPermissions.View, exemplar.UnitCode, ct) ? exemplar : null;
        }

        public async Task<Result<Guid>> SaveAsync(Guid? id, Command input, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            Exemplar? exemplar = null;
            if (id is { } existing)
            {
                exemplar = await FindVisibleAsync(existing, user, tracked: true, ct);
                if (exemplar is null)
                {
                    return Error.NotFound("Không có điển hình tiên tiến này.");
                }

                if (!await access.CanAsync(user, ModelsPermissions.Edit, exemplar.UnitCode, ct))
                {
                    return new Error(ErrorCodes.Forbidden, "Tài khoản không được sửa điển hình tiên tiến này.");
                }

                if (input.Version != exemplar.Version)
                {
                    return Error.Conflict("Điển hình tiên tiến đã được người khác sửa sau khi bạn mở trang. Hãy tải lại trang rồi sửa lại.");
                }
            }

            var errors = new List<Error>();
            var unit = input.UnitCode.Trim();
            if (input.DecisionDate is { } date)
            {
                if (await ModelUnitNames.CheckUnitAsync(tree, unit, date, ct) is { } unitError)
                {
                    errors.Add(Error.Validation(unitError, nameof(Command.UnitCode)));
                }
                else if (!await access.CanAsync(user, ModelsPermissions.Edit, unit, ct))
                {
                    errors.Add(Error.Validation($"Đơn vị mã {unit} không thuộc phạm vi của tài khoản.", nameof(Command.UnitCode)));
                }
            }

            if (input.ModelId is { } modelId && await access.FindVisibleAsync(user, modelId, tracked: false, ct) is null)
            {
                errors.Add(Error.Validation("Không có mô hình đã chọn.", nameof(Command.ModelId)));
            }

            if (errors.Count > 0)
            {
                return Result<Guid>.Failure(errors);
            }

            var today = VietnamTime.Today(clock);
            var now = clock.GetUtcNow().UtcDateTime;
            if (exemplar is null)
            {
                var created = Exemplar.Create(unit, input.Details(), today, now);
                if (!created.IsSuccess)
                {
                    return Result<Guid>.Failure(created.Errors);
                }

                exemplar = created.Value;
                db.Exemplars.Add(exemplar);
            }
            else
            {
                var edited = exemplar.Edit(input.Details(), today, now);
                if (!edited.IsSuccess)
                {
                    return Result<Guid>.Failure(edited.Errors);
                }

                exemplar.Reassign(unit);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("Điển hình tiên tiến đã được người khác sửa. Hãy tải lại trang.");
            }

            return exemplar.Id;
        }
    }
}

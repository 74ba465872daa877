using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>
/// Creates or replaces the counters of one unit and month (an upsert). Shared by the staff form, the CSV import and
/// the push API. A unit outside the user's scope is "not found". When <see cref="Command.Version"/> is given (the
/// form), a stale version is a conflict; the API and the import omit it and the last write wins.
/// </summary>
public static class SaveProcedurePeriod
{
    /// <summary>The message for an edit made on a version someone else has changed since.</summary>
    public const string StaleMessage = "Số liệu kỳ này đã được người khác sửa sau khi bạn mở trang. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.";

    /// <summary>The names of the input fields, for mapping errors to form fields.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Command.Year), nameof(Command.Month), nameof(Command.Received), nameof(Command.Processed), nameof(Command.OnTimeOrEarly), nameof(Command.Late),
    };

    public sealed record Command
    {
        /// <summary>The unit's official code; pages take it from the route.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string UnitCode { get; init; } = "";

        [Display(Name = "Năm")]
        [Required(ErrorMessage = "Hãy nhập năm.")]
        public int? Year { get; init; }

        [Display(Name = "Tháng")]
        [Required(ErrorMessage = "Hãy nhập tháng.")]
        public int? Month { get; init; }

        [Display(Name = "Số hồ sơ tiếp nhận")]
        [Required(ErrorMessage = "Hãy nhập số hồ sơ tiếp nhận.")]
        public int? Received { get; init; }

        [Display(Name = "Số hồ sơ đã xử lý")]
        [Required(ErrorMessage = "Hãy nhập số hồ sơ đã xử lý.")]
        public int? Processed { get; init; }

        [Display(Name = "Trước và đúng hạn")]
        [Required(ErrorMessage = "Hãy nhập số hồ sơ trước và đúng hạn.")]
        public int? OnTimeOrEarly { get; init; }

        [Display(Name = "Trễ hạn")]
        [Required(ErrorMessage = "Hãy nhập số hồ sơ trễ hạn.")]
        public int? Late { get; init; }

        /// <summary>The version the form was opened with: 0 for a period not yet recorded; null (API, import) skips the check.</summary>
        public int? Version { get; init; }
    }

    /// <summary>The stored record, as the API returns it.</summary>
    public sealed record Saved(string Unit, int Year, int Month, DateOnly PeriodStart, DateOnly PeriodEnd, int Received, int Processed, int OnTimeOrEarly, int Late, int? LatePercent, int Version, bool Created)
    {
        internal static Saved From(ProcedurePeriod p, bool created) =>
            new(p.UnitCode, p.Year, p.Month, p.PeriodStart, p.PeriodEnd, p.Received, p.Processed, p.OnTimeOrEarly, p.Late, p.Figures.LatePercent, p.Version, created);
    }

    public sealed class Handler(ToanDanDb db, UnitTree tree, UserScopes scopes, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Checks everything but does not save; the period is tracked (added or changed) on success.</summary>
        public async Task<Result<(ProcedurePeriod Period, bool Created)>> StageAsync(Command input, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = new List<Error>();
            if (input.Year is null)
            {
                errors.Add(Error.Validation("Hãy nhập năm.", nameof(Command.Year)));
            }

            if (input.Month is null)
            {
                errors.Add(Error.Validation("Hãy nhập tháng.", nameof(Command.Month)));
            }

            foreach (var (value, field, label) in new[]
            {
                (input.Received, nameof(Command.Received), "số hồ sơ tiếp nhận"),
                (input.Processed, nameof(Command.Processed), "số hồ sơ đã xử lý"),
                (input.OnTimeOrEarly, nameof(Command.OnTimeOrEarly), "số hồ sơ trước và đúng hạn"),
                (input.Late, nameof(Command.Late), "số hồ sơ trễ hạn"),
            })
            {
                if (value is null)
                {
                    errors.Add(Error.Validation($"Hãy nhập {label}.", field));
                }
            }

            if (errors.Count > 0)
            {
                return Result<(ProcedurePeriod, bool)>.Failure(errors);
            }

            var year = input.Year!.Value;
            var month = input.Month!.Value;
            errors.AddRange(ProcedurePeriod.CheckPeriod(year, month, VietnamTime.Today(clock)));
            var figures = new ProcedureFigures(input.Received!.Value, input.Processed!.Value, input.OnTimeOrEarly!.Value, input.Late!.Value);
            errors.AddRange(figures.Validate());
            if (errors.Count > 0)
            {
                return Result<(ProcedurePeriod, bool)>.Failure(errors);
            }

            var code = input.UnitCode.Trim();
            if (!await InScopeAsync(user, code, new DateOnly(year, month, 1), ct))
            {
                return NotFound(code);
            }

            var period = db.ProcedurePeriods.Local.SingleOrDefault(p => p.UnitCode == code && p.Year == year && p.Month == month)
                ?? await db.ProcedurePeriods.SingleOrDefaultAsync(p => p.UnitCode == code && p.Year == year && p.Month == month, ct);
            if (input.Version is { } version && version != (period?.Version ?? 0))
            {
                return Error.Conflict(StaleMessage);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (period is null)
            {
                var created = ProcedurePeriod.Create(code, year, month, figures, now);
                if (!created.IsSuccess)
                {
                    return Result<(ProcedurePeriod, bool)>.Failure(created.Errors);
                }

                db.ProcedurePeriods.Add(created.Value);
                return (created.Value, true);
            }

            var updateErrors = period.Update(figures, now);
            return updateErrors.Count > 0 ? Result<(ProcedurePeriod, bool)>.Failure(updateErrors) : (period, false);
        }

        /// <summary>Saves one period.</summary>
        public async Task<Result<Saved>> HandleAsync(Command input, ClaimsPrincipal user, CancellationToken ct)
        {
            var staged = await StageAsync(input, user, ct);
            if (!staged.IsSuccess)
            {
                return Result<Saved>.Failure(staged.Errors);
            }

            var (period, created) = staged.Value;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone saved between our read and our write: an update raced (version token), or a create
                // raced another create of the same month (unique index). Either way the user reviews and retries.
                return Error.Conflict(StaleMessage);
            }

            ProcedureStatsLog.PeriodSaved(logger, period.Id, period.UnitCode, period.Year, period.Month);
            return Saved.From(period, created);
        }

        /// <summary>The unit exists (in some period) and one of the user's assignments with the permission covers it on the date.</summary>
        public async Task<bool> InScopeAsync(ClaimsPrincipal user, string unitCode, DateOnly date, CancellationToken ct) =>
            unitCode.Length is > 0 and <= 5 && unitCode.All(char.IsAsciiDigit)
            && (await tree.HistoryAsync(unitCode, ct)).Count > 0
            && await scopes.CanAsync(user, ProcedureStatsPermissions.Edit, unitCode, date, ct);

        private static Error NotFound(string code) =>
            new(ErrorCodes.NotFound, $"Không tìm thấy đơn vị mã {code} trong phạm vi của bạn.", "Unit");
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>Changes a place's details. The form carries the version it was opened with; a stale one is a conflict.</summary>
public static class EditPlace
{
    /// <summary>The message for an edit made on a version someone else has changed since.</summary>
    public const string StaleMessage = "Địa bàn đã được người khác sửa sau khi bạn mở trang này. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.";

    public sealed record Command : PlaceInput
    {
        /// <summary>The place's ID; pages take it from the route.</summary>
        [BindNever]
        public Guid Id { get; init; }

        /// <summary>The <see cref="Place.Version"/> the form was opened with.</summary>
        [Required(ErrorMessage = "Thiếu phiên bản của địa bàn; hãy tải lại trang.")]
        public int? Version { get; init; }

        internal static Command From(Place place) =>
            From(new Command { Id = place.Id, Version = place.Version }, place.ToDetails());
    }

    /// <summary>A place as the edit form shows it.</summary>
    public sealed record Current(string CommuneCode, Command Input);

    public sealed record Saved(Guid Id, string CommuneCode);

    public sealed class Handler(ToanDanDb db, PlaceRules rules, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Current>> GetAsync(Guid id, CancellationToken ct)
        {
            var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            return place is null ? NotFound() : new Current(place.CommuneCode, Command.From(place));
        }

        public async Task<Result<Saved>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var place = await db.Places.SingleOrDefaultAsync(p => p.Id == input.Id, ct);
            if (place is null)
            {
                return NotFound();
            }

            if (input.Version != place.Version)
            {
                return Error.Conflict(StaleMessage);
            }

            var choices = input.CheckChoices();
            if (choices.Count > 0)
            {
                return Result<Saved>.Failure(choices);
            }

            var details = input.ToDetails();
            var errors = details.Validate().ToList();
            if (await rules.CheckCommuneAsync(place.CommuneCode, details.ValidFrom, ct) is { } commune)
            {
                errors.Add(commune);
            }

            if (errors.Count == 0 && await rules.CheckDuplicateAsync(place.CommuneCode, details, place.Id, ct) is { } duplicate)
            {
                errors.Add(duplicate);
            }

            if (errors.Count == 0)
            {
                errors.AddRange(place.Update(details, clock.GetUtcNow().UtcDateTime));
            }

            if (errors.Count > 0)
            {
                return Result<Saved>.Failure(errors);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone saved between our read and our write.
                return Error.Conflict(StaleMessage);
            }

            UnitsLog.PlaceSaved(logger, place.Id, place.CommuneCode);
            return new Saved(place.Id, place.CommuneCode);
        }

        private static Error NotFound() => Error.NotFound("Không tìm thấy địa bàn này.");
    }
}

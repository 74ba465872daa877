using Microsoft.AspNetCore.Mvc.ModelBinding;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>Adds a place (KDC, agency, enterprise, school) to a commune.</summary>
public static class AddPlace
{
    public sealed record Command : PlaceInput
    {
        /// <summary>The commune's code; pages take it from the route, never from the form.</summary>
        [BindNever]
        public string CommuneCode { get; init; } = "";
    }

    public sealed record Saved(Guid Id, string CommuneCode);

    public sealed class Handler(ToanDanDb db, PlaceRules rules, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Saved>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var choices = input.CheckChoices();
            if (choices.Count > 0)
            {
                return Result<Saved>.Failure(choices);
            }

            var details = input.ToDetails();
            var errors = details.Validate().ToList();
            if (await rules.CheckCommuneAsync(input.CommuneCode, details.ValidFrom, ct) is { } commune)
            {
                errors.Add(commune);
            }

            if (errors.Count == 0 && await rules.CheckDuplicateAsync(input.CommuneCode, details, null, ct) is { } duplicate)
            {
                errors.Add(duplicate);
            }

            if (errors.Count > 0)
            {
                return Result<Saved>.Failure(errors);
            }

            var created = Place.Create(input.CommuneCode, details, clock.GetUtcNow().UtcDateTime);
            if (!created.IsSuccess)
            {
                return Result<Saved>.Failure(created.Errors);
            }

            db.Places.Add(created.Value);
            await db.SaveChangesAsync(ct);
            UnitsLog.PlaceSaved(logger, created.Value.Id, input.CommuneCode);
            return new Saved(created.Value.Id, input.CommuneCode);
        }
    }
}

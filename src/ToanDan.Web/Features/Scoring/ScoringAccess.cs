using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Scoring;

/// <summary>
/// Unit scope of score cards (as for certification records): judged at the end of the card's year, or today for
/// the current year; out of scope is "not found". Reviewing needs a level above the subject: the commune for its
/// places (<see cref="ScoringPermissions.ReviewLocal"/>), the district or province for a commune and the province for
/// a district (<see cref="ScoringPermissions.ReviewUpper"/>).
/// </summary>
public sealed class ScoringAccess(UserScopes scopes, PermissionCatalog catalog, UnitTree tree, TimeProvider clock)
{
    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>The date on which the scope of a year's card is judged.</summary>
    public DateOnly ScopeDate(int year)
    {
        var end = new DateOnly(Math.Clamp(year, 1, 9998), 12, 31);
        return end < Today ? end : Today;
    }

    public Task<bool> CanAsync(ClaimsPrincipal user, string permission, string unitCode, int year, CancellationToken ct) =>
        scopes.CanAsync(user, permission, unitCode, ScopeDate(year), ct);

    /// <summary>True when the user may review the card (see the class summary).</summary>
    public async Task<bool> CanReviewAsync(ClaimsPrincipal user, ScoreCard card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        switch (card.Kind)
        {
            case ScoringSubjectKind.Commune:
                return await CanAsync(user, ScoringPermissions.ReviewUpper, card.UnitCode, card.Year, ct);
            case ScoringSubjectKind.District:
                var ancestors = await tree.AncestorsAsync(card.UnitCode, ScopeDate(card.Year), ct);
                var parent = ancestors.Count > 0 ? ancestors[^1] : null;
                return parent is not null && await CanAsync(user, ScoringPermissions.ReviewUpper, parent.Code, card.Year, ct);
            default:
                return await CanAsync(user, ScoringPermissions.ReviewLocal, card.UnitCode, card.Year, ct);
        }
    }

    /// <summary>The unit codes whose cards the user may list; null means every unit.</summary>
    public Task<IReadOnlySet<string>?> VisibleUnitsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        scopes.CodesVisibleAsync(user, ScoringPermissions.View, ct);

    /// <summary>Every code ever under <paramref name="unitCode"/> (null: national).</summary>
    public Task<IReadOnlySet<string>?> CodesUnderAsync(string unitCode, CancellationToken ct) => scopes.CodesEverCoveredAsync(unitCode, ct);

    public IReadOnlyList<string> UnitsWith(ClaimsPrincipal user, string permission) => UserScopes.UnitsWith(user, catalog, permission);
}

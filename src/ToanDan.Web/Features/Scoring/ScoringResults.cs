using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Scoring;

/// <summary>A unit's own score card of a year, as other modules see it.</summary>
public sealed record UnitScore(string UnitCode, int Year, Guid CardId, ScoreCardStatus Status, decimal? SelfTotal, ScoreGrade? ProposedGrade, decimal? ReviewedTotal, ScoreGrade? Grade, bool Overdue);

/// <summary>The read side other modules use (the per-commune overview): the score and grade of communes or districts. No access check.</summary>
public sealed class ScoringResults(ToanDanDb db, TimeProvider clock)
{
    /// <summary>The cards of the given units themselves (not their places) for a year; units without a card are absent.</summary>
    public async Task<IReadOnlyDictionary<string, UnitScore>> UnitsAsync(IReadOnlyCollection<string> unitCodes, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var codes = unitCodes.Distinct(StringComparer.Ordinal).ToList();
        var today = Infrastructure.Time.VietnamTime.Today(clock);
        var cards = await db.ScoreCards.AsNoTracking()
            .Where(c => c.Year == year && c.PlaceId == null && codes.Contains(c.UnitCode))
            .Select(c => new { c.Id, c.UnitCode, c.Kind, c.Status, c.SelfTotal, c.ProposedGrade, c.ReviewedTotal, c.Grade, c.SubmittedOn })
            .ToListAsync(ct);
        return cards.ToDictionary(
            c => c.UnitCode,
            c => new UnitScore(c.UnitCode, year, c.Id, c.Status, c.SelfTotal, c.ProposedGrade, c.ReviewedTotal, c.Grade, ScoringRules.IsOverdue(c.Kind, year, c.SubmittedOn, today)),
            StringComparer.Ordinal);
    }
}

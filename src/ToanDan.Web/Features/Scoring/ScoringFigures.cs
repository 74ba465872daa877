using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.Scoring;

/// <summary>
/// Contributes the movement-scoring figures of the year: cards, reviewed cards, grades by key
/// (<c>scoring.grades.&lt;grade&gt;</c>, reviewed cards only) and communes graded, from the cards of the covered
/// communes and of the report's unit itself (a district's own card).
/// </summary>
internal sealed class ScoringFigures(ToanDanDb db) : IAnnualFigureContributor
{
    public async Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct)
    {
        var covered = request.Scope.CoveredCodes.Append(request.Scope.Unit.Code).Distinct(StringComparer.Ordinal).ToList();
        var cards = await db.ScoreCards.AsNoTracking()
            .Where(c => c.Year == request.Year && covered.Contains(c.UnitCode))
            .Select(c => new { c.Kind, c.Status, c.Grade })
            .ToListAsync(ct);
        figures.Set("scoring.cards", cards.Count);
        figures.Set("scoring.reviewed", cards.Count(c => c.Status == ScoreCardStatus.Reviewed));
        foreach (var grade in Enum.GetValues<ScoreGrade>())
        {
            figures.Set($"scoring.grades.{grade.Key()}", cards.Count(c => c.Status == ScoreCardStatus.Reviewed && c.Grade == grade));
        }

        figures.Set("scoring.communes.graded", cards.Count(c => c.Kind == ScoringSubjectKind.Commune && c.Status == ScoreCardStatus.Reviewed));
        figures.Set("scoring.communes.excellent", cards.Count(c => c.Kind == ScoringSubjectKind.Commune && c.Status == ScoreCardStatus.Reviewed && c.Grade == ScoreGrade.Excellent));
    }
}

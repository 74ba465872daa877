using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.Units.Figures;

/// <summary>
/// Contributes <c>units.communes</c> (commune-level units in the scope's tree) and
/// <c>units.places</c> with <c>units.places.&lt;kind&gt;</c> (places existing at the end of the period).
/// </summary>
internal sealed class UnitsFigures(ToanDanDb db) : IAnnualFigureContributor
{
    public async Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct)
    {
        figures.Set("units.communes", request.Scope.Communes.Count);
        var covered = request.Scope.CoveredCodes.ToList();
        // Places count as they stood at the end of the period (or today, for the current year), whichever tree is used.
        var onDate = request.PeriodEnd < request.Scope.TreeAsOf ? request.PeriodEnd : request.Scope.TreeAsOf;
        var counts = await db.Places.AsNoTracking()
            .ValidOn(onDate)
            .Where(p => covered.Contains(p.CommuneCode))
            .GroupBy(p => p.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        figures.Set("units.places", counts.Sum(c => c.Count));
        foreach (var kind in Enum.GetValues<PlaceKind>())
        {
            figures.Set($"units.places.{kind.Key()}", counts.SingleOrDefault(c => c.Kind == kind)?.Count ?? 0);
        }
    }
}

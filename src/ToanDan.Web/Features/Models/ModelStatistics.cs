using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Models;

/// <summary>The models figures of one unit on a date, computed from records (see <see cref="ModelRules"/>).</summary>
/// <param name="UnitCode">The owner unit.</param>
/// <param name="Maintained">Models maintained on the date, with their points, teams, members and clusters (HD 22/2022 counting).</param>
/// <param name="BuiltInYear">Models established in the date's year.</param>
/// <param name="Exemplars">Exemplars recognised in the date's year, up to the date.</param>
public sealed record UnitModelFigures(string UnitCode, ModelCount Maintained, int BuiltInYear, int Exemplars);

/// <summary>
/// Public read service of the Models module for other modules (a per-commune overview, the annual report): loads
/// the records of some owner units and applies <see cref="ModelRules"/>. Nothing here is a stored total.
/// </summary>
public sealed class ModelStatistics(ToanDanDb db)
{
    /// <summary>The counting facts of every model owned by one of <paramref name="ownerUnits"/>.</summary>
    public async Task<IReadOnlyList<ModelFacts>> FactsAsync(IReadOnlyCollection<string> ownerUnits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ownerUnits);
        var codes = ownerUnits.Distinct(StringComparer.Ordinal).ToList();
        var models = await db.MovementModels.AsNoTracking().AsSplitQuery()
            .Include(m => m.StatusChanges).Include(m => m.Points)
            .Where(m => codes.Contains(m.UnitCode))
            .ToListAsync(ct);
        return models.Select(m => m.Facts()).ToList();
    }

    /// <summary>
    /// Per owner unit (every code asked for appears, with zeros when it has no models): the models maintained on
    /// <paramref name="date"/> with their points, teams and members, the models built in the date's year and the
    /// exemplars recognised that year. For a per-commune overview pass the commune codes and 31 December of the year.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, UnitModelFigures>> PerUnitAsync(IReadOnlyCollection<string> unitCodes, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var facts = await FactsAsync(unitCodes, ct);
        var codes = unitCodes.Distinct(StringComparer.Ordinal).ToList();
        var yearStart = new DateOnly(date.Year, 1, 1);
        var exemplars = (await db.Exemplars.AsNoTracking()
                .Where(e => codes.Contains(e.UnitCode) && e.DecisionDate >= yearStart && e.DecisionDate <= date)
                .Select(e => e.UnitCode).ToListAsync(ct))
            .CountBy(c => c).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var byUnit = facts.ToLookup(f => f.UnitCode, StringComparer.Ordinal);
        return codes.ToDictionary(
            code => code,
            code => new UnitModelFigures(
                code,
                ModelRules.CountAt(byUnit[code], date),
                byUnit[code].Count(f => ModelRules.IsBuiltIn(f, date.Year) && f.EstablishedOn <= date),
                exemplars.GetValueOrDefault(code)),
            StringComparer.Ordinal);
    }
}

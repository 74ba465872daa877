using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Models;

/// <summary>
/// Contributes the <c>models.*</c> figures (docs/figures.md): models maintained on 31 December of the year and built
/// in the year, their points, teams and members (HD 22/HD-BCA-V05 counting), clusters, evaluations, exemplars, and
/// per kind. A record counts under its owner unit: the covered communes, the report's unit and the units below it.
/// </summary>
internal sealed class ModelsFigures(ToanDanDb db, ModelStatistics statistics, UnitTree tree) : IAnnualFigureContributor
{
    public async Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct)
    {
        var owners = new HashSet<string>(request.Scope.CoveredCodes, StringComparer.Ordinal) { request.Scope.Unit.Code };
        if (request.Scope.Unit.Level != UnitLevel.Commune)
        {
            owners.UnionWith((await tree.DescendantsAsync(request.Scope.Unit.Code, request.Scope.TreeAsOf, ct)).Select(u => u.Code));
        }

        var facts = await statistics.FactsAsync(owners, ct);
        var end = request.PeriodEnd;
        var maintained = ModelRules.CountAt(facts, end);
        figures.Set("models.maintained", maintained.Models);
        figures.Set("models.builtInYear", facts.Count(f => ModelRules.IsBuiltIn(f, request.Year)));
        figures.Set("models.points", maintained.Points);
        figures.Set("models.teams", maintained.Teams);
        figures.Set("models.members", maintained.Members);
        figures.Set("models.clusters", maintained.Clusters);

        // Clusters the unit takes part in without owning them (e.g. a neighbouring district's border cluster).
        var ownerList = owners.ToList();
        var joined = await db.ClusterMembers.AsNoTracking()
            .Where(c => ownerList.Contains(c.UnitCode))
            .Select(c => c.ModelId).Distinct().ToListAsync(ct);
        var joinedFacts = joined.Count == 0 ? [] : (await db.MovementModels.AsNoTracking().AsSplitQuery()
                .Include(m => m.StatusChanges).Include(m => m.Points)
                .Where(m => joined.Contains(m.Id) && !ownerList.Contains(m.UnitCode)).ToListAsync(ct))
            .Select(m => m.Facts()).ToList();
        figures.Set("models.clusters.participating", maintained.Clusters + ModelRules.CountAt(joinedFacts, end).Clusters);

        var kinds = await db.ModelCatalogueEntries.AsNoTracking().Where(e => e.Catalogue == ModelCatalogue.Kind).Select(e => e.Code).ToListAsync(ct);
        foreach (var kind in kinds)
        {
            var ofKind = facts.Where(f => f.KindCode == kind).ToList();
            figures.Set($"models.maintained.{kind}", ModelRules.CountAt(ofKind, end).Models);
            figures.Set($"models.builtInYear.{kind}", ofKind.Count(f => ModelRules.IsBuiltIn(f, request.Year)));
        }

        var evaluations = await db.ModelEvaluations.AsNoTracking()
            .Where(e => e.Year == request.Year && db.MovementModels.Any(m => m.Id == e.ModelId && ownerList.Contains(m.UnitCode)))
            .Select(e => e.Result).ToListAsync(ct);
        figures.Set("models.evaluated", evaluations.Count);
        figures.Set("models.effective", evaluations.Count(r => r == EvaluationResult.Effective));

        var exemplars = await db.Exemplars.AsNoTracking()
            .Where(e => ownerList.Contains(e.UnitCode) && e.DecisionDate >= request.PeriodStart && e.DecisionDate <= end)
            .Select(e => e.Kind).ToListAsync(ct);
        figures.Set("models.exemplars", exemplars.Count);
        figures.Set("models.exemplars.collective", exemplars.Count(k => k == ExemplarKind.Collective));
        figures.Set("models.exemplars.individual", exemplars.Count(k => k == ExemplarKind.Individual));
    }
}

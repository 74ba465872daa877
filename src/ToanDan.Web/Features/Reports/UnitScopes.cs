using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Reports;

/// <summary>Finds the communes a report on a unit covers, under the historic or the current tree.</summary>
public sealed class UnitScopes(UnitTree tree, TimeProvider clock)
{
    /// <summary>
    /// Historic: the unit and its communes as of the end of the year (or today, for the current year).
    /// Current: the unit as of today, and every commune code of any date whose successors lie inside it
    /// (a split commune rolls up into its primary successor only, so nothing is counted twice).
    /// </summary>
    public async Task<Result<UnitScope>> ResolveAsync(string unitCode, int year, ReportTree treeKind, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var yearEnd = new DateOnly(year, 12, 31);
        var asOf = treeKind == ReportTree.Historic ? (yearEnd < today ? yearEnd : today) : today;
        var unit = await tree.FindAsync(unitCode, asOf, ct);
        if (unit is null)
        {
            var hint = treeKind == ReportTree.Current
                ? " Đơn vị này không còn trong cây hành chính hiện hành: hãy dùng tree=historic, hoặc chọn đơn vị hiện hành mà nó đã trở thành."
                : "";
            return Error.NotFound($"Không có đơn vị mã {unitCode} vào ngày {VietnamTime.Format(asOf)}.{hint}");
        }

        var communeViews = await tree.CommunesUnderAsync(unitCode, asOf, ct);
        var communes = communeViews.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        if (treeKind == ReportTree.Historic)
        {
            return new UnitScope(unit, asOf, communes, communes)
            {
                Breakdown = communeViews.Select(c => new CoveredCommune(c, [new CoveredCode(c.Code, c.Name)])).ToList(),
            };
        }

        var covered = new HashSet<string>(communes, StringComparer.Ordinal);
        var breakdown = new List<CoveredCommune>();
        foreach (var commune in communeViews)
        {
            var trace = await tree.PredecessorsAsync(commune.Code, asOf, ct, primaryOnly: true);
            var codes = new List<CoveredCode> { new(commune.Code, commune.Name) };
            foreach (var (code, name) in trace.Steps.Select(s => (s.FromCode, s.FromName)).Concat(trace.Result.Select(r => (r.Code, (string?)r.Name))))
            {
                // A code of the tree is its own row, and one claimed by an earlier commune stays there: nothing is counted twice.
                if (!communes.Contains(code) && covered.Add(code))
                {
                    codes.Add(new CoveredCode(code, name ?? code));
                }
            }

            breakdown.Add(new CoveredCommune(commune, codes));
        }

        return new UnitScope(unit, asOf, communes, covered) { Breakdown = breakdown };
    }
}

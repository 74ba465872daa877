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

        var communes = (await tree.CommunesUnderAsync(unitCode, asOf, ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        if (treeKind == ReportTree.Historic)
        {
            return new UnitScope(unit, asOf, communes, communes);
        }

        var covered = new HashSet<string>(communes, StringComparer.Ordinal);
        foreach (var commune in communes)
        {
            var trace = await tree.PredecessorsAsync(commune, asOf, ct, primaryOnly: true);
            covered.UnionWith(trace.Steps.Select(s => s.FromCode));
            covered.UnionWith(trace.Result.Select(r => r.Code));
        }

        return new UnitScope(unit, asOf, communes, covered);
    }
}

using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Reports;

/// <summary>Which hierarchy a report rolls records up under.</summary>
public enum ReportTree
{
    /// <summary>The tree as it was in the reporting period (e.g. huyện Nam Sách in 2020).</summary>
    Historic,

    /// <summary>Today's tree: records of vanished units count under the units they became (e.g. Hải Phòng).</summary>
    Current,
}

/// <summary>
/// The unit a report is about and the records it covers. Modules ask it whether a commune code (of any
/// era) belongs to the report, so they never need to know how the tree changed.
/// </summary>
/// <param name="Unit">The unit the report is about, as it was on <see cref="TreeAsOf"/>.</param>
/// <param name="TreeAsOf">The date of the tree used to find the unit's communes.</param>
/// <param name="Communes">Commune codes in that tree under the unit.</param>
/// <param name="CoveredCodes">Every commune code, of any date, whose records roll up into the unit.</param>
public sealed record UnitScope(UnitView Unit, DateOnly TreeAsOf, IReadOnlySet<string> Communes, IReadOnlySet<string> CoveredCodes)
{
    /// <summary>True when a record filed under <paramref name="communeCode"/> belongs to the report.</summary>
    public bool Covers(string communeCode) => CoveredCodes.Contains(communeCode);

    /// <summary>
    /// The communes of the tree (in code order) with the codes whose records roll up into each: under the historic
    /// tree a commune covers itself; under the current tree also the communes it was made from. Each covered code
    /// appears under one commune only, so per-commune sums equal the unit's figures.
    /// </summary>
    public IReadOnlyList<CoveredCommune> Breakdown { get; init; } = [];
}

/// <summary>A commune of a report's tree and the codes (of any date) whose records count under it.</summary>
/// <param name="Commune">The commune as it stands in the tree.</param>
/// <param name="Codes">Its own code first (with its name in the tree), then the codes it was made from, each with the name it had
/// when it passed into another unit.</param>
public sealed record CoveredCommune(UnitView Commune, IReadOnlyList<CoveredCode> Codes);

/// <summary>A commune code whose records roll up into a <see cref="CoveredCommune"/>, with its name.</summary>
public sealed record CoveredCode(string Code, string Name);

/// <summary>What a module is asked for: figures for one unit scope and one year.</summary>
/// <param name="Scope">The unit and the communes covered.</param>
/// <param name="Year">The reporting year.</param>
/// <param name="Tree">Historic or current roll-up.</param>
/// <param name="PeriodStart">1 January of the year.</param>
/// <param name="PeriodEnd">31 December of the year (inclusive).</param>
public sealed record AnnualFigureRequest(UnitScope Scope, int Year, ReportTree Tree, DateOnly PeriodStart, DateOnly PeriodEnd);

/// <summary>
/// Implemented once per module to contribute its yearly figures to the annual report. Figures are
/// always computed from records. Keys are stable and documented in docs/figures.md.
/// </summary>
public interface IAnnualFigureContributor
{
    /// <summary>Adds this module's figures for the request to <paramref name="figures"/>.</summary>
    Task ContributeAsync(AnnualFigureRequest request, AnnualFigureSet figures, CancellationToken ct);
}

/// <summary>The named figures of a report. A key may be set once only, so two modules cannot collide.</summary>
public sealed class AnnualFigureSet
{
    private readonly SortedDictionary<string, decimal> _figures = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, decimal> Values => _figures;

    /// <summary>Sets a figure. Keys are lower camelCase segments separated by dots, e.g. <c>units.places.school</c>.</summary>
    public void Set(string key, decimal value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Figure key '{key}' is not of the form module.name[.sub].", nameof(key));
        }

        if (!_figures.TryAdd(key, value))
        {
            throw new InvalidOperationException($"Figure '{key}' was contributed twice.");
        }
    }

    internal static bool IsValidKey(string key)
    {
        var parts = key.Split('.');
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && char.IsAsciiLetterLower(p[0]) && p.All(char.IsAsciiLetterOrDigit));
    }
}

namespace ToanDan.Web.Features.Units.Import;

/// <summary>
/// Turns dated catalogue snapshots into unit periods. The rule, applied snapshot by snapshot in
/// date order: a unit whose name, kind and parent are unchanged keeps its period; a change closes
/// the period on the snapshot's date and opens a new one; a unit missing from a snapshot is closed
/// on its date. Units of the earliest snapshot get an open start (null): nothing older is known.
/// The result depends only on the set of snapshots, so import order and re-imports do not matter.
/// </summary>
public static class UnitPeriodBuilder
{
    /// <summary>Computes every period from the snapshots.</summary>
    public static IReadOnlyList<UnitPeriod> Build(IEnumerable<CatalogueSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var ordered = snapshots.OrderBy(s => s.AsOf).ToList();
        var open = new Dictionary<string, (UnitState State, DateOnly? From)>(StringComparer.Ordinal);
        var periods = new List<UnitPeriod>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var snapshot = ordered[i];
            DateOnly? from = i == 0 ? null : snapshot.AsOf;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var state in snapshot.Units)
            {
                if (!seen.Add(state.Code))
                {
                    throw new ArgumentException($"Code {state.Code} appears twice in the snapshot of {snapshot.AsOf:yyyy-MM-dd}.", nameof(snapshots));
                }

                if (open.TryGetValue(state.Code, out var current))
                {
                    if (current.State == state)
                    {
                        continue;
                    }

                    periods.Add(new UnitPeriod(current.State, current.From, snapshot.AsOf));
                }

                open[state.Code] = (state, from);
            }

            foreach (var code in open.Keys.Where(code => !seen.Contains(code)).ToList())
            {
                var current = open[code];
                periods.Add(new UnitPeriod(current.State, current.From, snapshot.AsOf));
                open.Remove(code);
            }
        }

        periods.AddRange(open.Values.Select(o => new UnitPeriod(o.State, o.From, null)));
        return periods;
    }
}

/// <summary>The units a catalogue lists as in force on <see cref="AsOf"/>.</summary>
public sealed record CatalogueSnapshot(DateOnly AsOf, IReadOnlyList<UnitState> Units);

/// <summary>A computed period: the state of a unit from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public sealed record UnitPeriod(UnitState State, DateOnly? From, DateOnly? To);

using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// The communes a citizen can pick on the public form: those of the portal's unit in today's tree. When the
/// portal's unit no longer exists (huyện Nam Sách, dissolved on 1 July 2025), the communes its communes became.
/// A tip whose place is unknown goes to the portal's unit, or to the province of those communes today.
/// </summary>
public sealed class PublicUnits(PortalSettingsQuery portal, UnitTree tree, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>A choice of the picker.</summary>
    public sealed record Choice(string Code, string Name);

    /// <summary>The picker's communes and the unit that receives tips of an unknown place; null when no unit is set.</summary>
    public sealed record Area(IReadOnlyList<Choice> Communes, string UnknownPlaceUnit);

    public async Task<Area?> GetAsync(CancellationToken ct)
    {
        var unit = (await portal.GetAsync(ct))?.UnitCode ?? configuration["Tips:PublicUnit"];
        if (string.IsNullOrEmpty(unit))
        {
            return null;
        }

        var today = VietnamTime.Today(clock);
        var current = await tree.FindAsync(unit, today, ct);
        if (current is not null)
        {
            var communes = current.Level == UnitLevel.Commune ? [current] : await tree.CommunesUnderAsync(unit, today, ct);
            return new Area(communes.Select(c => new Choice(c.Code, c.Name)).OrderBy(c => c.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList(), unit);
        }

        var history = await tree.HistoryAsync(unit, ct);
        if (history.Count == 0 || history[^1].ValidTo is not { } end)
        {
            return null;
        }

        var lastDay = end.AddDays(-1);
        var then = history[^1].Level == UnitLevel.Commune ? [history[^1]] : await tree.CommunesUnderAsync(unit, lastDay, ct);
        var now = new Dictionary<string, UnitView>(StringComparer.Ordinal);
        foreach (var commune in then)
        {
            foreach (var successor in (await tree.SuccessorsAsync(commune.Code, lastDay, ct, primaryOnly: true)).Result)
            {
                now[successor.Code] = successor;
            }
        }

        if (now.Count == 0)
        {
            return null;
        }

        var province = now.Values.Select(v => v.ParentCode).FirstOrDefault(p => p is not null) ?? now.Keys.First();
        return new Area(now.Values.Select(c => new Choice(c.Code, c.Name)).OrderBy(c => c.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList(), province);
    }
}

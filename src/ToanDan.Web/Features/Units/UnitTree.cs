using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Units;

/// <summary>
/// Read side of the administrative tree: the tree as of any date, ancestors and descendants, and
/// what a unit became or was made from across reorganisations. Other modules use this service;
/// they never query the Units tables themselves.
/// </summary>
public sealed class UnitTree(ToanDanDb db)
{
    /// <summary>The period of <paramref name="code"/> in force on <paramref name="date"/>, if the unit existed then.</summary>
    public Task<UnitView?> FindAsync(string code, DateOnly date, CancellationToken ct) =>
        db.AdministrativeUnits.AsNoTracking().ValidOn(date).Where(u => u.Code == code).Select(ToView).SingleOrDefaultAsync(ct);

    /// <summary>The names in force on <paramref name="date"/> of those of <paramref name="codes"/> that existed then (one query).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesOnAsync(IReadOnlyCollection<string> codes, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.AdministrativeUnits.AsNoTracking().ValidOn(date).Where(u => list.Contains(u.Code)).Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        return found.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
    }

    /// <summary>The children of <paramref name="parentCode"/> on <paramref name="date"/>; provinces when it is null.</summary>
    public async Task<IReadOnlyList<UnitView>> ChildrenAsync(string? parentCode, DateOnly date, CancellationToken ct)
    {
        var query = db.AdministrativeUnits.AsNoTracking().ValidOn(date);
        query = parentCode is null ? query.Where(u => u.ParentCode == null) : query.Where(u => u.ParentCode == parentCode);
        return await query.OrderBy(u => u.Code).Select(ToView).ToListAsync(ct);
    }

    /// <summary>The chain of parents of a unit on a date, the province first; empty if the unit did not exist then.</summary>
    public async Task<IReadOnlyList<UnitView>> AncestorsAsync(string code, DateOnly date, CancellationToken ct)
    {
        var chain = new List<UnitView>();
        var current = await FindAsync(code, date, ct);
        while (current?.ParentCode is { } parent && chain.Count < 4)
        {
            current = await FindAsync(parent, date, ct);
            if (current is not null)
            {
                chain.Insert(0, current);
            }
        }

        return chain;
    }

    /// <summary>Every unit below <paramref name="code"/> on <paramref name="date"/>, level by level.</summary>
    public async Task<IReadOnlyList<UnitView>> DescendantsAsync(string code, DateOnly date, CancellationToken ct)
    {
        var result = new List<UnitView>();
        List<string> frontier = [code];
        while (frontier.Count > 0)
        {
            var parents = frontier;
            var children = await db.AdministrativeUnits.AsNoTracking().ValidOn(date)
                .Where(u => u.ParentCode != null && parents.Contains(u.ParentCode))
                .OrderBy(u => u.Code).Select(ToView).ToListAsync(ct);
            result.AddRange(children);
            frontier = children.Select(c => c.Code).ToList();
        }

        return result;
    }

    /// <summary>The commune-level units under <paramref name="code"/> on <paramref name="date"/> (the unit itself if it is a commune).</summary>
    public async Task<IReadOnlyList<UnitView>> CommunesUnderAsync(string code, DateOnly date, CancellationToken ct)
    {
        var self = await FindAsync(code, date, ct);
        if (self is null)
        {
            return [];
        }

        return self.Level == UnitLevel.Commune
            ? [self]
            : (await DescendantsAsync(code, date, ct)).Where(u => u.Level == UnitLevel.Commune).ToList();
    }

    /// <summary>The code and every code that was below it in any period (children of any of its periods, recursively).</summary>
    public async Task<HashSet<string>> EverUnderAsync(string code, CancellationToken ct)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { code };
        List<string> frontier = [code];
        while (frontier.Count > 0)
        {
            var parents = frontier;
            var children = await db.AdministrativeUnits.AsNoTracking()
                .Where(u => u.ParentCode != null && parents.Contains(u.ParentCode))
                .Select(u => u.Code).Distinct().ToListAsync(ct);
            frontier = children.Where(result.Add).ToList();
        }

        return result;
    }

    /// <summary>Every period of a code, oldest first.</summary>
    public async Task<IReadOnlyList<UnitView>> HistoryAsync(string code, CancellationToken ct)
    {
        var periods = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == code).Select(ToView).ToListAsync(ct);
        return periods.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue).ToList();
    }

    /// <summary>
    /// Units on <paramref name="date"/> whose name or code matches <paramref name="text"/>, without regard
    /// to diacritics or case ("nam sach" finds "Nam Sách"). Ranked: exact code, then name prefix, then the rest.
    /// </summary>
    public async Task<IReadOnlyList<UnitView>> SearchAsync(string text, DateOnly date, int limit, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var query = db.AdministrativeUnits.AsNoTracking().ValidOn(date);
        var matches = folded.All(char.IsAsciiDigit)
            ? await query.Where(u => u.Code.StartsWith(folded)).OrderBy(u => u.Code).Take(limit).Select(ToView).ToListAsync(ct)
            : await query.Where(u => u.SearchName.Contains(folded)).OrderBy(u => u.Code).Take(limit * 4).Select(ToView).ToListAsync(ct);
        return matches
            .OrderBy(u => u.Code == folded ? 0 : 1)
            .ThenBy(u => TypeWordless(VietnameseText.Fold(u.Name)).StartsWith(folded, StringComparison.Ordinal) || VietnameseText.Fold(u.Name).StartsWith(folded, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(u => u.Level)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>The dates on which any successor link took effect, ascending.</summary>
    public async Task<IReadOnlyList<DateOnly>> ReorganisationDatesAsync(CancellationToken ct) =>
        await db.UnitSuccessions.AsNoTracking().Select(s => s.EffectiveOn).Distinct().OrderBy(d => d).ToListAsync(ct);

    /// <summary>
    /// What the unit <paramref name="code"/>, as it was on <paramref name="date"/>, became through every later
    /// reorganisation. A unit with no link at a reorganisation continues as itself if it still exists then.
    /// With <paramref name="primaryOnly"/>, a split unit is followed into its primary successor only.
    /// </summary>
    public async Task<SuccessionTrace> SuccessorsAsync(string code, DateOnly date, CancellationToken ct, bool primaryOnly = false)
    {
        var steps = new List<SuccessionStep>();
        var frontier = new HashSet<string>(StringComparer.Ordinal) { code };
        var ended = new HashSet<string>(StringComparer.Ordinal);
        var lastDate = date;
        foreach (var effective in (await ReorganisationDatesAsync(ct)).Where(d => d > date))
        {
            var current = frontier.ToList();
            var links = await db.UnitSuccessions.AsNoTracking()
                .Where(s => s.EffectiveOn == effective && current.Contains(s.PredecessorCode))
                .Where(s => !primaryOnly || s.IsPrimary || s.Share != SuccessionShare.Part)
                .ToListAsync(ct);
            var existing = await ExistingCodesAsync(current, effective, ct);
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in current)
            {
                var outgoing = links.Where(l => l.PredecessorCode == c).ToList();
                if (outgoing.Count > 0)
                {
                    foreach (var link in outgoing)
                    {
                        next.Add(link.SuccessorCode);
                        steps.Add(await ToStepAsync(link, ct));
                    }
                }
                else if (existing.Contains(c))
                {
                    next.Add(c);
                }
                else
                {
                    ended.Add(c);
                }
            }

            frontier = next;
            lastDate = effective;
        }

        var final = await ViewsAsync(frontier, lastDate, ct);
        return new SuccessionTrace(code, date, lastDate, steps, final, ended.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// What the unit <paramref name="code"/>, as it was on <paramref name="date"/>, was made from through every
    /// earlier reorganisation, back to the earliest catalogue. With <paramref name="primaryOnly"/>, a unit
    /// that was split is followed only into its primary successor, so that each old unit rolls up once.
    /// </summary>
    public async Task<SuccessionTrace> PredecessorsAsync(string code, DateOnly date, CancellationToken ct, bool primaryOnly = false)
    {
        var steps = new List<SuccessionStep>();
        var frontier = new HashSet<string>(StringComparer.Ordinal) { code };
        var lastDate = date;
        foreach (var effective in (await ReorganisationDatesAsync(ct)).Where(d => d <= date).OrderDescending())
        {
            var current = frontier.ToList();
            var incoming = await db.UnitSuccessions.AsNoTracking()
                .Where(s => s.EffectiveOn == effective && current.Contains(s.SuccessorCode))
                .Where(s => !primaryOnly || s.IsPrimary || s.Share != SuccessionShare.Part)
                .ToListAsync(ct);
            var dayBefore = effective.AddDays(-1);
            var existedBefore = await ExistingCodesAsync(current, dayBefore, ct);
            var leftBefore = await db.UnitSuccessions.AsNoTracking()
                .Where(s => s.EffectiveOn == effective && current.Contains(s.PredecessorCode))
                .Select(s => s.PredecessorCode).Distinct().ToListAsync(ct);
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in current)
            {
                var links = incoming.Where(l => l.SuccessorCode == c).ToList();
                foreach (var link in links)
                {
                    next.Add(link.PredecessorCode);
                    steps.Add(await ToStepAsync(link, ct));
                }

                // A unit that existed the day before and did not pass into anything else continued as itself.
                if (existedBefore.Contains(c) && !leftBefore.Contains(c))
                {
                    next.Add(c);
                }
                else if (links.Count == 0 && !existedBefore.Contains(c))
                {
                    // Created on this date with no recorded predecessor: the trace stops here.
                    next.Add(c);
                }
            }

            frontier = next;
            lastDate = dayBefore;
        }

        var origins = await ViewsAsync(frontier, lastDate, ct);
        return new SuccessionTrace(code, date, lastDate, steps, origins, []);
    }

    private async Task<HashSet<string>> ExistingCodesAsync(List<string> codes, DateOnly date, CancellationToken ct)
    {
        var found = await db.AdministrativeUnits.AsNoTracking().ValidOn(date).Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<UnitView>> ViewsAsync(IEnumerable<string> codes, DateOnly date, CancellationToken ct)
    {
        var list = codes.ToList();
        var views = await db.AdministrativeUnits.AsNoTracking().ValidOn(date).Where(u => list.Contains(u.Code)).Select(ToView).ToListAsync(ct);
        var missing = list.Except(views.Select(v => v.Code)).ToList();
        if (missing.Count > 0)
        {
            // Codes not in force on that date (for example a trace that reaches before the first catalogue):
            // show their closest known period instead of dropping them.
            var all = await db.AdministrativeUnits.AsNoTracking().Where(u => missing.Contains(u.Code)).Select(ToView).ToListAsync(ct);
            views.AddRange(all.GroupBy(u => u.Code).Select(g => g.OrderBy(u => Distance(u, date)).First()));
        }

        return views.OrderBy(v => v.Code, StringComparer.Ordinal).ToList();
    }

    private async Task<SuccessionStep> ToStepAsync(UnitSuccession link, CancellationToken ct)
    {
        var from = await NameAsync(link.PredecessorCode, link.EffectiveOn.AddDays(-1), ct);
        var to = await NameAsync(link.SuccessorCode, link.EffectiveOn, ct);
        return new SuccessionStep(link.EffectiveOn, link.PredecessorCode, from, link.SuccessorCode, to, link.Share, link.IsPrimary, link.Note);
    }

    private async Task<string?> NameAsync(string code, DateOnly date, CancellationToken ct) =>
        await db.AdministrativeUnits.AsNoTracking().ValidOn(date).Where(u => u.Code == code).Select(u => u.Name).SingleOrDefaultAsync(ct)
        ?? await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == code).OrderByDescending(u => u.ValidFrom).Select(u => u.Name).FirstOrDefaultAsync(ct);

    private static int Distance(UnitView unit, DateOnly date)
    {
        if (unit.ValidTo is { } to && to <= date)
        {
            return date.DayNumber - to.DayNumber;
        }

        return unit.ValidFrom is { } from && from > date ? from.DayNumber - date.DayNumber : 0;
    }

    private static string TypeWordless(string foldedName)
    {
        foreach (var prefix in (string[])["thanh pho ", "thi tran ", "thi xa ", "dac khu ", "phuong ", "huyen ", "quan ", "tinh ", "xa "])
        {
            if (foldedName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return foldedName[prefix.Length..];
            }
        }

        return foldedName;
    }

    private static readonly System.Linq.Expressions.Expression<Func<AdministrativeUnit, UnitView>> ToView =
        u => new UnitView(u.Code, u.Name, u.Level, u.Kind, u.ParentCode, u.ValidFrom, u.ValidTo);
}

/// <summary>A period of a unit as other modules and pages see it.</summary>
public sealed record UnitView(string Code, string Name, UnitLevel Level, UnitKind Kind, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>One successor link, with the names in force on each side of it.</summary>
public sealed record SuccessionStep(
    DateOnly EffectiveOn,
    string FromCode,
    string? FromName,
    string ToCode,
    string? ToName,
    SuccessionShare Share,
    bool IsPrimary,
    string? Note);

/// <summary>
/// The result of following successor links forward (what a unit became) or backward (what it was made from).
/// <see cref="Result"/> holds the units at the far end, named as they were on <see cref="ResultAsOf"/>.
/// </summary>
public sealed record SuccessionTrace(
    string Code,
    DateOnly AsOf,
    DateOnly ResultAsOf,
    IReadOnlyList<SuccessionStep> Steps,
    IReadOnlyList<UnitView> Result,
    IReadOnlyList<string> EndedWithoutSuccessor);

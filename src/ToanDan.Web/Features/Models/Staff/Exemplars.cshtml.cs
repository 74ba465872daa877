using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>The exemplars (điển hình tiên tiến) of the units in scope, by year of the decision.</summary>
[Authorize(Policy = ModelsPermissions.View)]
public sealed class ExemplarsModel(ToanDanDb db, ModelAccess access, UnitTree tree) : PageModel
{
    public string? Unit { get; private set; }

    public int? Year { get; private set; }

    public ExemplarKind? Kind { get; private set; }

    public IReadOnlyList<Exemplar> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(string? unit, int? year, ExemplarKind? kind, CancellationToken ct)
    {
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        Year = year is >= MovementModel.MinYear and <= 2100 ? year : null;
        Kind = ModelState.IsValid ? kind : null;
        var query = db.Exemplars.AsNoTracking();
        if (await access.VisibleUnitsAsync(User, ModelsPermissions.View, ct) is { } visible)
        {
            var codes = visible.ToList();
            query = query.Where(e => codes.Contains(e.UnitCode));
        }

        if (Unit is not null)
        {
            var under = (await tree.EverUnderAsync(Unit, ct)).ToList();
            query = query.Where(e => under.Contains(e.UnitCode));
        }

        if (Year is { } y)
        {
            var start = new DateOnly(y, 1, 1);
            var end = new DateOnly(y, 12, 31);
            query = query.Where(e => e.DecisionDate >= start && e.DecisionDate <= end);
        }

        if (Kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        Items = await query.OrderByDescending(e => e.DecisionDate).ThenBy(e => e.Name).Take(500).ToListAsync(ct);
        UnitNames = await ModelUnitNames.LoadAsync(db, Items.Select(i => i.UnitCode), ct);
        CanEdit = access.UnitsWith(User, ModelsPermissions.Edit).Count > 0;
    }
}

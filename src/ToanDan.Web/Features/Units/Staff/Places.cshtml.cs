using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The places of a commune on a date (or all of them), filtered by kind and name, with exports.</summary>
[Authorize(Policy = UnitsPermissions.ViewPlaces)]
public sealed class PlacesModel(UnitTree tree, ListPlaces.Handler list, Accounts.UserScopes scopes, TimeProvider clock) : PageModel
{
    public UnitView Commune { get; private set; } = null!;

    /// <summary>False when the commune did not exist on the date asked (its places may still be listed).</summary>
    public bool CommuneExistsOnDate { get; private set; }

    public PlaceFilter Filter { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ListPlaces.Listing Listing { get; private set; } = new([], new Dictionary<PlaceKind, int>());

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, string? asOf, string? kind, string? q, string? all, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var filter = PlaceFilter.Read(asOf, kind, q, all, clock);
        var commune = await StaffQuery.FindCommuneAsync(tree, code, filter.IsSuccess ? filter.Value.AsOf : today, ct);
        // Outside the user's scope the commune's places are "not found", never "forbidden".
        if (commune is null || !await scopes.CanAsync(User, UnitsPermissions.ViewPlaces, code, filter.IsSuccess ? filter.Value.AsOf : today, ct))
        {
            return NotFound();
        }

        Commune = commune;
        if (!filter.IsSuccess)
        {
            Filter = new PlaceFilter(today, false, null, null);
            Problems = filter.Errors.Select(e => e.Message).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filter = filter.Value;
        CommuneExistsOnDate = commune.ValidFrom is not { } from || from <= Filter.AsOf;
        CommuneExistsOnDate &= commune.ValidTo is not { } to || Filter.AsOf < to;
        Listing = await list.HandleAsync(Filter.ToQuery(code), ct);
        return Page();
    }

    /// <summary>Route values for this list with one filter changed.</summary>
    public Dictionary<string, string> With(string key, string? value)
    {
        var values = Filter.RouteValues(Commune.Code);
        if (value is null)
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }

        return values;
    }
}

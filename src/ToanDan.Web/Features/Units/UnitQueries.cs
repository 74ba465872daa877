namespace ToanDan.Web.Features.Units;

/// <summary>Reusable filters over units and places.</summary>
public static class UnitQueries
{
    /// <summary>The periods in force on <paramref name="date"/>.</summary>
    public static IQueryable<AdministrativeUnit> ValidOn(this IQueryable<AdministrativeUnit> units, DateOnly date) =>
        units.Where(u => (u.ValidFrom == null || u.ValidFrom <= date) && (u.ValidTo == null || u.ValidTo > date));

    /// <summary>The places that exist on <paramref name="date"/>.</summary>
    public static IQueryable<Place> ValidOn(this IQueryable<Place> places, DateOnly date) =>
        places.Where(p => p.ValidFrom <= date && (p.ValidTo == null || p.ValidTo > date));
}

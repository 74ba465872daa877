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

    /// <summary>
    /// The places of <paramref name="communeCode"/> that would duplicate a place of the same kind and folded name
    /// valid from <paramref name="from"/> until <paramref name="to"/> (exclusive; null while it exists).
    /// </summary>
    public static IQueryable<Place> Duplicating(this IQueryable<Place> places, string communeCode, PlaceKind kind, string searchName, DateOnly from, DateOnly? to) =>
        places.Where(p => p.CommuneCode == communeCode && p.Kind == kind && p.SearchName == searchName
            && (p.ValidTo == null || p.ValidTo > from)
            && (to == null || p.ValidFrom < to));
}

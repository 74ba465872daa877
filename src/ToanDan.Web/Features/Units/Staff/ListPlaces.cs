using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The places of one commune, filtered by date, kind and name, with counts per kind.</summary>
public static class ListPlaces
{
    /// <param name="CommuneCode">The commune.</param>
    /// <param name="AsOf">Only places that exist on this date; null for every place, ended ones included.</param>
    /// <param name="Kind">Only this kind, if given. Counts per kind ignore it.</param>
    /// <param name="Text">Part of the name, without regard to diacritics or case.</param>
    public sealed record Query(string CommuneCode, DateOnly? AsOf, PlaceKind? Kind, string? Text);

    public sealed record Item(Guid Id, string CommuneCode, PlaceDetails Details);

    public sealed record Listing(IReadOnlyList<Item> Places, IReadOnlyDictionary<PlaceKind, int> CountsByKind)
    {
        /// <summary>Places of every kind that match the date and name.</summary>
        public int Total => CountsByKind.Values.Sum();
    }

    public sealed class Handler(ToanDanDb db)
    {
        // "Khu dân cư số 2" before "Khu dân cư số 10".
        private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);

        public async Task<Listing> HandleAsync(Query query, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            var places = db.Places.AsNoTracking().Where(p => p.CommuneCode == query.CommuneCode);
            if (query.AsOf is { } date)
            {
                places = places.ValidOn(date);
            }

            var text = VietnameseText.Fold(query.Text);
            if (text.Length > 0)
            {
                places = places.Where(p => p.SearchName.Contains(text));
            }

            // A commune has tens to hundreds of places: count and sort in memory.
            var found = await places.ToListAsync(ct);
            var counts = Enum.GetValues<PlaceKind>().ToDictionary(k => k, k => found.Count(p => p.Kind == k));
            var items = found
                .Where(p => query.Kind is null || p.Kind == query.Kind)
                .OrderBy(p => p.Kind).ThenBy(p => p.SearchName, NameOrder).ThenBy(p => p.ValidFrom)
                .Select(p => new Item(p.Id, p.CommuneCode, p.ToDetails()))
                .ToList();
            return new Listing(items, counts);
        }
    }
}

using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The filters of a commune's place list, as read from the query string.</summary>
/// <param name="AsOf">The date places must exist on (ignored when <paramref name="All"/>).</param>
/// <param name="All">Every place, ended ones included.</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="Text">Part of the name.</param>
public sealed record PlaceFilter(DateOnly AsOf, bool All, PlaceKind? Kind, string? Text)
{
    /// <summary>Reads the filters; errors carry the query parameter they concern.</summary>
    public static Result<PlaceFilter> Read(string? asOf, string? kind, string? q, string? all, TimeProvider clock)
    {
        var errors = new List<Error>();
        if (!StaffQuery.TryReadDate(asOf, clock, out var date))
        {
            errors.Add(Error.Validation(StaffQuery.BadDate(asOf), "asOf"));
        }

        PlaceKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (PlaceLabels.TryParseKind(kind, out var k))
            {
                parsedKind = k;
            }
            else
            {
                errors.Add(Error.Validation($"Loại địa bàn “{kind}” không hợp lệ.", "kind"));
            }
        }

        if (q?.Length > StaffQuery.MaxSearchLength)
        {
            errors.Add(Error.Validation($"Từ khóa tìm kiếm dài quá {StaffQuery.MaxSearchLength} ký tự.", "q"));
        }

        if (errors.Count > 0)
        {
            return Result<PlaceFilter>.Failure(errors);
        }

        var everything = all is not null && all.Trim().ToUpperInvariant() is "TRUE" or "1" or "ON";
        return new PlaceFilter(date, everything, parsedKind, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
    }

    /// <summary>The list query for a commune.</summary>
    public ListPlaces.Query ToQuery(string communeCode) => new(communeCode, All ? null : AsOf, Kind, Text);

    /// <summary>The route values that reproduce these filters (for links and exports).</summary>
    public Dictionary<string, string> RouteValues(string code)
    {
        var values = new Dictionary<string, string> { ["code"] = code, ["asOf"] = StaffQuery.Iso(AsOf) };
        if (All)
        {
            values["all"] = "true";
        }

        if (Kind is { } k)
        {
            values["kind"] = k.Key();
        }

        if (Text is not null)
        {
            values["q"] = Text;
        }

        return values;
    }
}

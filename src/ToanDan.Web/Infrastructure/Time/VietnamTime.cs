using System.Globalization;

namespace ToanDan.Web.Infrastructure.Time;

/// <summary>
/// Vietnam civil time (UTC+7, no daylight saving). Timestamps are stored in UTC and shown in
/// Vietnam time as dd/MM/yyyy; legal dates (catalogue dates, deadlines) are <see cref="DateOnly"/>.
/// </summary>
public static class VietnamTime
{
    /// <summary>Vietnam's fixed offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The date format used everywhere in the interface.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    /// <summary>The date-and-time format used in the interface.</summary>
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";

    /// <summary>Converts a UTC instant to Vietnam local time.</summary>
    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Converts a stored UTC <see cref="DateTime"/> to Vietnam local time.</summary>
    public static DateTimeOffset ToVietnam(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToVietnam(clock.GetUtcNow()).DateTime);

    /// <summary>Formats a date as dd/MM/yyyy.</summary>
    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a UTC timestamp in Vietnam time as dd/MM/yyyy HH:mm.</summary>
    public static string Format(DateTime utc) => ToVietnam(utc).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO date (yyyy-MM-dd) or a Vietnamese date (dd/MM/yyyy).</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

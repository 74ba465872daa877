using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Tips;

/// <summary>How close a clock is to its end.</summary>
public enum ClockState
{
    /// <summary>Nothing to run (already done or not applicable).</summary>
    None,

    /// <summary>Running, time enough.</summary>
    Running,

    /// <summary>Running, little time left: shown in amber.</summary>
    DueSoon,

    /// <summary>Past its end and not done: shown in red.</summary>
    Overdue,
}

/// <summary>
/// The legal clocks of a tip, pure functions of dates (no database, no clock of their own). Every clock is
/// computed in Vietnam local time (UTC+7): a tip received at 01:00 on 10/3 in Vietnam (18:00 UTC on 9/3) was
/// received on 10/3.
/// <list type="bullet">
/// <item>Transfer to the competent investigation body: within 24 hours of receipt, 48 hours for remote
/// communes and islands (BLTTHS 2015 art. 145; TTLT 01/2017/TTLT-BCA-BQP-BTC-BNN&amp;PTNT-VKSNDTC).</item>
/// <item>Decision: within 20 days of the date of receipt (art. 147(1)); up to 2 months for complex cases or
/// checks at many places (art. 147(2)); then one extension of up to 2 months by the head of the procuracy,
/// requested at least 5 days before the deadline expires (art. 147(2)–(3)).</item>
/// <item>Counting (art. 130): a time limit in days ends at 24:00 of its last day; one in months ends on the
/// same day of the later month, or that month's last day when it has no such day.</item>
/// </list>
/// Weekends and public holidays are not modelled (see the module README).
/// </summary>
public static class TipClocks
{
    /// <summary>Hours to transfer a tip to the investigation body (TTLT 01/2017).</summary>
    public const int TransferHours = 24;

    /// <summary>Hours to transfer from a remote commune or an island (TTLT 01/2017).</summary>
    public const int RemoteTransferHours = 48;

    /// <summary>Days to decide (art. 147(1)).</summary>
    public const int DecisionDays = 20;

    /// <summary>Months to decide a complex case (art. 147(2)).</summary>
    public const int ComplexMonths = 2;

    /// <summary>Longest extension by the procuracy, once (art. 147(2)).</summary>
    public const int ExtensionMonths = 2;

    /// <summary>The extension request is due at least this many days before the deadline expires.</summary>
    public const int ExtensionRequestLeadDays = 5;

    /// <summary>A transfer clock with this little left is "due soon".</summary>
    public static readonly TimeSpan TransferWarning = TimeSpan.FromHours(6);

    /// <summary>A decision clock with this many days left (or fewer) is "due soon".</summary>
    public const int DecisionWarningDays = 3;

    /// <summary>The Vietnam calendar date of an instant.</summary>
    public static DateOnly VietnamDate(DateTime utc) => DateOnly.FromDateTime(VietnamTime.ToVietnam(utc).DateTime);

    /// <summary>When the tip must be with the investigation body: 24 h after receipt, 48 h for remote communes and islands.</summary>
    public static DateTime TransferDue(DateTime receivedUtc, bool remoteArea) =>
        DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc).AddHours(remoteArea ? RemoteTransferHours : TransferHours);

    /// <summary>The last day to decide: receipt date + 20 days, or + 2 months for a complex case (art. 147).</summary>
    public static DateOnly DecisionDue(DateOnly receivedOn, bool complex) =>
        complex ? receivedOn.AddMonths(ComplexMonths) : receivedOn.AddDays(DecisionDays);

    /// <summary>The latest date an extension may run to: the current deadline + 2 months (art. 147(2)).</summary>
    public static DateOnly LatestExtension(DateOnly currentDue) => currentDue.AddMonths(ExtensionMonths);

    /// <summary>The last day to ask the procuracy for the extension: 5 days before the deadline expires.</summary>
    public static DateOnly ExtensionRequestDeadline(DateOnly currentDue) => currentDue.AddDays(-ExtensionRequestLeadDays);

    /// <summary>The instant a deadline day ends: 24:00 Vietnam time of that day, in UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;

    /// <summary>The state of the transfer clock at <paramref name="nowUtc"/>.</summary>
    public static ClockState TransferState(DateTime dueUtc, DateTime? doneUtc, DateTime nowUtc)
    {
        if (doneUtc is not null)
        {
            return ClockState.None;
        }

        return nowUtc >= dueUtc ? ClockState.Overdue
            : dueUtc - nowUtc <= TransferWarning ? ClockState.DueSoon
            : ClockState.Running;
    }

    /// <summary>The state of the decision clock at <paramref name="nowUtc"/> (Vietnam date).</summary>
    public static ClockState DecisionState(DateOnly dueOn, bool decided, DateTime nowUtc)
    {
        if (decided)
        {
            return ClockState.None;
        }

        if (nowUtc >= EndOfDayUtc(dueOn))
        {
            return ClockState.Overdue;
        }

        var today = VietnamDate(nowUtc);
        return dueOn.DayNumber - today.DayNumber <= DecisionWarningDays ? ClockState.DueSoon : ClockState.Running;
    }

    /// <summary>True when a decision taken on <paramref name="decidedOn"/> met the deadline.</summary>
    public static bool OnTime(DateOnly decidedOn, DateOnly dueOn) => decidedOn <= dueOn;
}

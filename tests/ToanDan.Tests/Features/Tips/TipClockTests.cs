using Microsoft.Extensions.Time.Testing;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Tests.Features.Tips;

/// <summary>The legal clocks of a tip with a fake clock; each test names the rule it checks.</summary>
public sealed class TipClockTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new DateTimeOffset(y, m, d, h, min, 0, Vn).UtcDateTime;

    private static Tip NewTip(DateTime receivedUtc, bool remote = false) => Tip.Receive(
        Guid.CreateVersion7(),
        new Tip.Intake("10606", TipChannel.Web, TipKind.Denunciation, TipCategory.Drugs, null, null, true, false, false, remote),
        new string('0', 64),
        new Tip.Sealed("k", [1], null, [1]),
        receivedUtc);

    [Fact]
    public void Transfer_Within24Hours_TTLT01_2017()
    {
        // TTLT 01/2017 (art. 145 BLTTHS): commune police transfer a tip to the investigation body within 24 hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 31, 23, 30, 0, Vn));
        var tip = NewTip(clock.GetUtcNow().UtcDateTime);
        Assert.Equal(Utc(2021, 1, 1, 23, 30), tip.TransferDueUtc);
        Assert.Equal(ClockState.Running, tip.TransferState(clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromHours(18));
        Assert.Equal(ClockState.DueSoon, tip.TransferState(clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(ClockState.Overdue, tip.TransferState(clock.GetUtcNow().UtcDateTime));
        Assert.Null(tip.Transfer("Cơ quan CSĐT Công an huyện Nam Sách", clock.GetUtcNow().UtcDateTime, clock.GetUtcNow().UtcDateTime));
        Assert.Equal(ClockState.None, tip.TransferState(clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public void Transfer_RemoteOrIslandCommune_48Hours_TTLT01_2017()
    {
        // TTLT 01/2017: communes in remote areas and islands have up to 48 hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 3, 10, 8, 0, 0, Vn));
        var tip = NewTip(clock.GetUtcNow().UtcDateTime, remote: true);
        Assert.Equal(Utc(2020, 3, 12, 8), tip.TransferDueUtc);
        clock.Advance(TimeSpan.FromHours(30));
        Assert.Equal(ClockState.Running, tip.TransferState(clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromHours(18));
        Assert.Equal(ClockState.Overdue, tip.TransferState(clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public void Decision_20Days_FromTheVietnamDateOfReceipt_Art147And130()
    {
        // Art. 147(1): 20 days from receipt; art. 130: a limit in days ends at 24:00 of its last day.
        // Received at 01:00 on 10/3 in Vietnam (18:00 UTC on 9/3): the date of receipt is 10/3, not 9/3.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 3, 9, 18, 0, 0, TimeSpan.Zero));
        var tip = NewTip(clock.GetUtcNow().UtcDateTime);
        Assert.Equal(new DateOnly(2020, 3, 10), tip.ReceivedOn);
        Assert.Equal(new DateOnly(2020, 3, 30), tip.DecisionDueOn);

        clock.SetUtcNow(new DateTimeOffset(2020, 3, 26, 23, 0, 0, Vn));
        Assert.Equal(ClockState.Running, tip.DecisionState(clock.GetUtcNow().UtcDateTime));
        clock.SetUtcNow(new DateTimeOffset(2020, 3, 27, 0, 0, 0, Vn));
        Assert.Equal(ClockState.DueSoon, tip.DecisionState(clock.GetUtcNow().UtcDateTime));
        clock.SetUtcNow(new DateTimeOffset(2020, 3, 30, 23, 59, 0, Vn));
        Assert.Equal(ClockState.DueSoon, tip.DecisionState(clock.GetUtcNow().UtcDateTime));
        clock.SetUtcNow(new DateTimeOffset(2020, 3, 31, 0, 0, 0, Vn));
        Assert.Equal(ClockState.Overdue, tip.DecisionState(clock.GetUtcNow().UtcDateTime));

        Assert.Null(tip.Decide(TipOutcome.Prosecuted, new DateOnly(2020, 3, 31), null, clock.GetUtcNow().UtcDateTime));
        Assert.Equal(ClockState.None, tip.DecisionState(clock.GetUtcNow().UtcDateTime));
        Assert.False(TipClocks.OnTime(tip.OutcomeOn!.Value, tip.DecisionDueOn));
    }

    [Fact]
    public void Decision_ComplexCase_2Months_Art147_2()
    {
        // Art. 147(2): complex cases or checks at many places, up to 2 months; art. 130: same day of the later
        // month, or that month's last day (31/12 → 28/02).
        var now = Utc(2020, 12, 31, 10);
        var tip = NewTip(now);
        Assert.Null(tip.Classify(TipKind.Denunciation, TipCategory.Fraud, complex: true, now));
        Assert.Equal(new DateOnly(2021, 2, 28), tip.DecisionDueOn);
        Assert.Null(tip.Classify(TipKind.Denunciation, TipCategory.Fraud, complex: false, now));
        Assert.Equal(new DateOnly(2021, 1, 20), tip.DecisionDueOn);
    }

    [Fact]
    public void Extension_OnceByUpTo2Months_OnlyForComplexCases_Art147_2()
    {
        // Art. 147(2): the head of the procuracy may extend once, by no more than 2 months.
        var now = Utc(2020, 3, 10, 9);
        var tip = NewTip(now);
        Assert.Equal(ErrorCodes.Conflict, tip.RequestExtension(new DateOnly(2020, 3, 12), now)!.Code);
        Assert.Null(tip.Classify(TipKind.Denunciation, TipCategory.Fraud, complex: true, now));
        Assert.Equal(new DateOnly(2020, 5, 10), tip.DecisionDueOn);
        Assert.Equal(ErrorCodes.Conflict, tip.Extend(new DateOnly(2020, 7, 10), "QĐ 12/VKS", now)!.Code); // no request yet
        Assert.Null(tip.RequestExtension(new DateOnly(2020, 5, 1), now));
        Assert.Equal(ErrorCodes.Validation, tip.Extend(new DateOnly(2020, 7, 11), "QĐ 12/VKS", now)!.Code); // more than 2 months
        Assert.Equal(ErrorCodes.Validation, tip.Extend(new DateOnly(2020, 5, 10), "QĐ 12/VKS", now)!.Code); // not later
        Assert.Equal(ErrorCodes.Validation, tip.Extend(new DateOnly(2020, 7, 10), " ", now)!.Code); // no decision
        Assert.Null(tip.Extend(new DateOnly(2020, 7, 10), "QĐ 12/VKS", now));
        Assert.Equal(new DateOnly(2020, 7, 10), tip.DecisionDueOn);
        Assert.Equal(ErrorCodes.Conflict, tip.RequestExtension(new DateOnly(2020, 6, 1), now)!.Code); // once only
        Assert.Equal(ErrorCodes.Conflict, tip.Classify(TipKind.Denunciation, TipCategory.Fraud, complex: false, now)!.Code);
    }

    [Fact]
    public void ExtensionRequest_DueAtLeast5DaysBeforeExpiry_Art147_3()
    {
        // Art. 147(3): the investigation body asks for the extension no later than 5 days before the deadline.
        var now = Utc(2020, 3, 10, 9);
        var tip = NewTip(now);
        Assert.Null(tip.Classify(TipKind.Report, TipCategory.Drugs, complex: true, now));
        Assert.Equal(new DateOnly(2020, 5, 5), tip.ExtensionRequestDeadline);
        var late = tip.RequestExtension(new DateOnly(2020, 5, 6), now);
        Assert.Equal(ErrorCodes.Validation, late!.Code);
        Assert.Contains("5 ngày", late.Message, StringComparison.Ordinal);
        Assert.Null(tip.RequestExtension(new DateOnly(2020, 5, 5), now));
    }

    [Fact]
    public void Decide_Outcomes_StopTheClock_AndReporterIsToldAfterwards_Art56And147()
    {
        // Art. 147: the outcome is khởi tố / không khởi tố / tạm đình chỉ (or not a crime, forwarded);
        // art. 56: the reporter has the right to be told the result.
        var now = Utc(2020, 3, 10, 9);
        foreach (var outcome in Enum.GetValues<TipOutcome>())
        {
            var tip = NewTip(now);
            Assert.Equal(ErrorCodes.Conflict, tip.NotifyReporter(new DateOnly(2020, 3, 10), now)!.Code);
            Assert.Equal(ErrorCodes.Conflict, tip.Close(now)!.Code);
            Assert.Null(tip.Decide(outcome, new DateOnly(2020, 3, 10), "QĐ số 1", now));
            Assert.Equal(TipStatus.Decided, tip.Status);
            Assert.Equal(ErrorCodes.Conflict, tip.Decide(outcome, new DateOnly(2020, 3, 10), null, now)!.Code);
            Assert.Null(tip.NotifyReporter(new DateOnly(2020, 3, 10), now));
            Assert.Null(tip.Close(now));
            Assert.Equal(TipStatus.Closed, tip.Status);
        }
    }

    [Fact]
    public void Valuable_NeedsWhatItLedTo()
    {
        var tip = NewTip(Utc(2020, 3, 10, 9));
        Assert.Equal(ErrorCodes.Validation, tip.MarkValuable(true, " ", DateTime.UtcNow)!.Code);
        Assert.Null(tip.MarkValuable(true, "Bắt quả tang 2 đối tượng", DateTime.UtcNow));
        Assert.True(tip.Valuable);
    }
}

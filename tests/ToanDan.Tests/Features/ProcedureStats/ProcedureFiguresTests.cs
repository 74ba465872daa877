using ToanDan.Web.Features.ProcedureStats;

namespace ToanDan.Tests.Features.ProcedureStats;

/// <summary>The rules of the "KẾT QUẢ GIẢI QUYẾT TTHC" counters.</summary>
public class ProcedureFiguresTests
{
    [Theory]
    [InlineData(10, 1, 10, 90)]
    [InlineData(3, 1, 33, 67)]
    [InlineData(3, 2, 67, 33)]
    [InlineData(8, 1, 13, 87)] // 12.5 % rounds half away from zero
    [InlineData(200, 1, 1, 99)] // 0.5 % → 1 %
    [InlineData(1, 0, 0, 100)]
    [InlineData(4, 4, 100, 0)]
    public void LatePercent_IsLateOverProcessed_RoundedToAWholePercent(int processed, int late, int latePercent, int onTimePercent)
    {
        var figures = new ProcedureFigures(processed, processed, processed - late, late);
        Assert.Equal(latePercent, figures.LatePercent);
        Assert.Equal(onTimePercent, figures.OnTimePercent);
    }

    [Fact]
    public void EmptyPeriod_HasNoPercentage_AndShowsADash()
    {
        var empty = new ProcedureFigures(5, 0, 0, 0);
        Assert.Null(empty.LatePercent);
        Assert.Null(empty.OnTimePercent);
        Assert.Equal("—", ProcedureFigures.Percent(empty.LatePercent));
        Assert.Equal("—", ProcedureFigures.Percent(empty.OnTimePercent));
        Assert.Empty(empty.Validate());
    }

    [Fact]
    public void Formatting_IsVietnamese()
    {
        Assert.Equal("12%", ProcedureFigures.Percent(12));
        Assert.Equal("1.234", ProcedureFigures.Count(1234));
    }

    [Fact]
    public void Validate_ProcessedNotTheSumOfItsParts_IsAnErrorOnProcessed()
    {
        var error = Assert.Single(new ProcedureFigures(10, 10, 7, 2).Validate());
        Assert.Equal("Processed", error.Field);
        Assert.Contains("phải bằng số trước và đúng hạn (7) cộng số trễ hạn (2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeCounts_AreErrorsOnEachField()
    {
        var errors = new ProcedureFigures(-1, 0, 0, -2).Validate();
        Assert.Equal(["Received", "Late"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains("không được âm", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MoreProcessedThanReceived_IsAllowed()
    {
        // Dossiers carried over from the previous month may be processed now.
        Assert.Empty(new ProcedureFigures(2, 9, 9, 0).Validate());
    }

    [Theory]
    [InlineData(2021, 13, "Month")]
    [InlineData(2021, 0, "Month")]
    [InlineData(1999, 5, "Year")]
    [InlineData(2021, 9, "Month")] // after "today" below
    public void CheckPeriod_RefusesImpossibleOrFutureMonths(int year, int month, string field)
    {
        var error = Assert.Single(ProcedurePeriod.CheckPeriod(year, month, new DateOnly(2021, 8, 19)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Update_ChangesTheVersionOnlyWhenTheFiguresChange()
    {
        var period = ProcedurePeriod.Create("10606", 2021, 8, new ProcedureFigures(1, 1, 1, 0), DateTime.UtcNow).Value;
        Assert.Equal(new DateOnly(2021, 8, 31), period.PeriodEnd);
        Assert.Empty(period.Update(new ProcedureFigures(1, 1, 1, 0), DateTime.UtcNow));
        Assert.Equal(1, period.Version);
        Assert.Empty(period.Update(new ProcedureFigures(3, 2, 1, 1), DateTime.UtcNow));
        Assert.Equal(2, period.Version);
        Assert.NotEmpty(period.Update(new ProcedureFigures(3, 2, 2, 1), DateTime.UtcNow));
        Assert.Equal(2, period.Version);
    }
}

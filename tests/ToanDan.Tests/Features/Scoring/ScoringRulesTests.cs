using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Tests.Features.Scoring;

/// <summary>The pure rules of movement scoring, each with its legal article (QĐ 510/QĐ-BCA-V05 of 20/01/2022).</summary>
public sealed class ScoringRulesTests
{
    [Theory]
    [InlineData(ScoringSubjectKind.ResidentialArea, 2024, "2024-11-20")]
    [InlineData(ScoringSubjectKind.Commune, 2024, "2024-11-30")]
    [InlineData(ScoringSubjectKind.Agency, 2024, "2024-11-30")]
    [InlineData(ScoringSubjectKind.Enterprise, 2024, "2024-11-30")]
    [InlineData(ScoringSubjectKind.School, 2024, "2024-11-30")]
    [InlineData(ScoringSubjectKind.District, 2024, "2024-12-15")]
    public void Deadlines_AreThoseOfArticle11_Qd510(ScoringSubjectKind kind, int year, string deadline)
    {
        // QĐ 510/QĐ-BCA-V05 Điều 11: KDC trước 20/11; xã, CQ, DN, CSGD trước 30/11; huyện trước 15/12.
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), ScoringRules.Deadline(kind, year));
    }

    [Fact]
    public void Deadline_OfADistrict_After2025_IsNone_Qd510Article11()
    {
        // No district level from 01/07/2025; the post-2025 equivalent of the 15/12 deadline is unconfirmed.
        Assert.Null(ScoringRules.Deadline(ScoringSubjectKind.District, 2025));
        Assert.False(ScoringRules.IsOverdue(ScoringSubjectKind.District, 2025, null, new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData("2026-11-20", null, false)]
    [InlineData("2026-11-21", null, true)]
    [InlineData("2026-11-29", "2026-11-19", false)]
    [InlineData("2026-11-29", "2026-11-21", true)]
    public void Overdue_WhenNotSentByTheDeadline_Qd510Article11(string today, string? submitted, bool overdue)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        DateOnly? sent = submitted is null ? null : DateOnly.Parse(submitted, culture);
        Assert.Equal(overdue, ScoringRules.IsOverdue(ScoringSubjectKind.ResidentialArea, 2026, sent, DateOnly.Parse(today, culture)));
    }

    [Theory]
    [InlineData(100, ScoreGrade.Excellent)]
    [InlineData(90, ScoreGrade.Excellent)]
    [InlineData(89.99, ScoreGrade.Good)]
    [InlineData(70, ScoreGrade.Good)]
    [InlineData(69.5, ScoreGrade.Average)]
    [InlineData(50, ScoreGrade.Average)]
    [InlineData(49, ScoreGrade.Weak)]
    public void Grade_FollowsTheThresholds_Qd510(decimal total, ScoreGrade grade)
    {
        // QĐ 510/2022: grade from the 100-point total; thresholds configurable (national defaults unconfirmed).
        Assert.Equal(grade, ScoringRules.Grade(total, GradeThresholds.Default));
        Assert.False(GradeThresholds.Default.Confirmed);
    }

    [Fact]
    public void Grade_UsesConfiguredThresholds_Qd510() =>
        Assert.Equal(ScoreGrade.Excellent, ScoringRules.Grade(85, new GradeThresholds(85, 65, 50, true)));

    [Fact]
    public void Thresholds_MustBeOrderedWithin100() =>
        Assert.NotNull(ScoringRules.CheckThresholds(new GradeThresholds(60, 70, 50, true)));

    [Theory]
    [InlineData(ScoreSheetKind.ResidentialArea)]
    [InlineData(ScoreSheetKind.Commune)]
    [InlineData(ScoreSheetKind.Organisation)]
    [InlineData(ScoreSheetKind.District)]
    public void NationalSheets_Total100Points_Qd510(ScoreSheetKind kind)
    {
        // QĐ 510/2022: "điểm chuẩn 100 điểm".
        var sheet = NationalScoreSheets.For(kind, 2024);
        Assert.Empty(ScoringRules.ValidateSheet(sheet.Items));
        Assert.Equal(100, sheet.Items.Where(i => i.ParentCode is null).Sum(i => i.MaxPoints));
    }

    [Fact]
    public void OrganisationSheet_CarriesTheConfirmedLinesOfArticle7_Qd510()
    {
        // QĐ 510/2022 Điều 7 (CQ/DN): 3 points Q1 resolution/plan; 3 points ≥ 90 % taking part; 5 points Ngày hội; 1 point coordination rule.
        var items = NationalScoreSheets.For(ScoreSheetKind.Organisation, 2024).Items;
        Assert.Equal([3m, 3m, 5m, 1m], items.Where(i => i.Confirmed).Select(i => i.MaxPoints));
        Assert.Contains(items, i => !i.Confirmed);
    }

    [Fact]
    public void ValidateSheet_NamesEachProblem_Qd510()
    {
        IReadOnlyList<ScoreItemDefinition> items =
        [
            new("1", "A", 60, true), new("1.1", "A1", 30, true), new("1.2", "A2", 20, true),
            new("2", "B", 30, true), new("3.1", "C1", 5, true), new("2", "B again", 20, true),
        ];
        var errors = ScoringRules.ValidateSheet(items).Select(e => e.Message).ToList();
        Assert.Contains(errors, e => e.Contains("trùng", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("“1”", StringComparison.Ordinal) && e.Contains("mục con", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("3.1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("100", StringComparison.Ordinal));
    }

    [Fact]
    public void Total_IsValidatedAgainstMaxPoints_Qd510()
    {
        var items = NationalScoreSheets.For(ScoreSheetKind.Organisation, 2024).Items;
        var leaves = ScoringRules.Leaves(items);
        var full = leaves.ToDictionary(l => l.Code, l => (decimal?)l.MaxPoints);
        Assert.Equal(100m, ScoringRules.Total(items, full).Value);

        var over = new Dictionary<string, decimal?>(full) { ["1.1"] = 3.5m };
        Assert.Contains(ScoringRules.Total(items, over).Errors, e => e.Field == "1.1");

        var missing = new Dictionary<string, decimal?>(full);
        missing.Remove("5");
        Assert.Contains(ScoringRules.Total(items, missing).Errors, e => e.Field == "5");

        var parentScored = new Dictionary<string, decimal?>(full) { ["1"] = 10 };
        Assert.False(ScoringRules.Total(items, parentScored).IsSuccess);
        var negative = new Dictionary<string, decimal?>(full) { ["4"] = -1 };
        Assert.False(ScoringRules.Total(items, negative).IsSuccess);
    }

    [Fact]
    public void Card_SelfScoreThenReview_GivesTheGrade_AndRefusesIllegalSteps()
    {
        var now = DateTime.UtcNow;
        var card = ScoreCard.Open(2026, ScoringSubjectKind.Commune, null, "10606", "Thị trấn Nam Sách", NationalScoreSheets.For(ScoreSheetKind.Commune, 2026), now);
        var points = ScoringRules.Leaves(card.Items).ToDictionary(l => l.Code, l => (decimal?)(l.MaxPoints * 0.8m));
        Assert.Equal(ErrorCodes.Validation, card.Submit(new DateOnly(2026, 11, 25), now)!.Code);
        Assert.True(card.SaveSelfScore(points, now).IsSuccess);
        Assert.Equal(80m, card.SelfTotal);
        Assert.Equal(ScoreGrade.Good, card.ProposedGrade);
        Assert.False(card.SaveSelfScore(new Dictionary<string, decimal?> { ["1"] = 11 }, now).IsSuccess);
        Assert.Null(card.Submit(new DateOnly(2026, 11, 25), now));
        Assert.Equal(ErrorCodes.Conflict, card.SaveSelfScore(points, now).Errors[0].Code);
        var reviewed = ScoringRules.Leaves(card.Items).ToDictionary(l => l.Code, l => (decimal?)l.MaxPoints);
        Assert.Null(card.Review(reviewed, "Đạt", now));
        Assert.Equal(ScoreGrade.Excellent, card.Grade);
        Assert.Equal(ErrorCodes.Conflict, card.Submit(new DateOnly(2026, 11, 25), now)!.Code);
    }

    [Fact]
    public void ProvincialSheet_IsParsedFromLines_WithRowErrors()
    {
        var bad = ScoreSheet.ParseLines("1 | A | 50\nx | B | 50\n2 | C | năm");
        Assert.Equal(2, bad.Errors.Count);
        Assert.Contains("Dòng 2", bad.Errors[0].Message, StringComparison.Ordinal);
        var sheet = ScoreSheet.Create("30", ScoreSheetKind.Commune, 2025, "Bảng của tỉnh", "QĐ 1/QĐ-UBND", "1 | A | 60\n1.1 | A1 | 60\n2 | B | 40", new GradeThresholds(85, 70, 50, true), DateTime.UtcNow);
        Assert.True(sheet.IsSuccess);
        Assert.Equal(3, sheet.Value.Items.Count);
        Assert.False(ScoreSheet.Create("30", ScoreSheetKind.Commune, 2025, "X", "Y", "1 | A | 90", GradeThresholds.Default, DateTime.UtcNow).IsSuccess);
    }
}

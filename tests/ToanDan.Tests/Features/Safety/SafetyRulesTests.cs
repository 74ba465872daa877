using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Tests.Features.Safety;

/// <summary>The pure rules of "An toàn về ANTT" certification, each with its legal article (TT 124/2021/TT-BCA).</summary>
public sealed class SafetyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void Window_ResidentialArea_RunsFrom1NovemberTo31October_Tt124Article8_2()
    {
        // TT 124/2021/TT-BCA Điều 8.2: khu dân cư từ 01/11 năm trước đến 31/10.
        var window = SafetyRules.Window(SafetySubjectKind.ResidentialArea, 2023);
        Assert.Equal(new DateOnly(2022, 11, 1), window.Start);
        Assert.Equal(new DateOnly(2023, 10, 31), window.End);
        Assert.True(window.Confirmed);
        Assert.Contains("Điều 8.2", window.Citation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SafetySubjectKind.Commune)]
    [InlineData(SafetySubjectKind.Agency)]
    [InlineData(SafetySubjectKind.Enterprise)]
    [InlineData(SafetySubjectKind.School)]
    public void Window_CommuneAndOrganisations_RunFrom16NovemberTo15November_Tt124Article8_2(SafetySubjectKind kind)
    {
        // TT 124/2021/TT-BCA Điều 8.2: xã, cơ quan, doanh nghiệp, cơ sở giáo dục từ 16/11 năm trước đến 15/11.
        var window = SafetyRules.Window(kind, 2024);
        Assert.Equal(new DateOnly(2023, 11, 16), window.Start);
        Assert.Equal(new DateOnly(2024, 11, 15), window.End);
    }

    [Fact]
    public void Window_BeforeTt124_IsFlaggedUnconfirmed_Tt23of2012()
    {
        // TT 124/2021 took effect on 10/02/2022; earlier years fell under TT 23/2012, whose windows are unverified.
        var window = SafetyRules.Window(SafetySubjectKind.ResidentialArea, 2020);
        Assert.False(window.Confirmed);
        Assert.Contains("TT 23/2012", window.Citation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SafetySubjectKind.ResidentialArea, "2026-10-31", 2026)]
    [InlineData(SafetySubjectKind.ResidentialArea, "2026-11-01", 2027)]
    [InlineData(SafetySubjectKind.Commune, "2026-11-15", 2026)]
    [InlineData(SafetySubjectKind.Commune, "2026-11-16", 2027)]
    public void YearOn_FollowsTheWindows_Tt124Article8_2(SafetySubjectKind kind, string date, int year) =>
        Assert.Equal(year, SafetyRules.YearOn(kind, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-03-31", true)]
    [InlineData("2026-04-01", false)]
    [InlineData("2025-12-31", false)]
    public void Registration_MustFallInTheFirstQuarter_Tt124Articles4To6Criterion1(string date, bool accepted)
    {
        // TT 124/2021/TT-BCA Điều 4.1, 5.1, 6.1: đăng ký trong quý I.
        var error = SafetyRules.CheckRegistrationDate(2026, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today);
        Assert.Equal(accepted, error is null);
        if (!accepted)
        {
            Assert.Contains("quý I", error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Registration_InTheFuture_IsRefused() =>
        Assert.NotNull(SafetyRules.CheckRegistrationDate(2027, new DateOnly(2027, 2, 1), Today));

    [Theory]
    [InlineData(PlaceKind.Agency, null, null, true, "lực lượng vũ trang")]
    [InlineData(PlaceKind.Enterprise, EnterpriseSize.Micro, null, false, "siêu nhỏ")]
    [InlineData(PlaceKind.Enterprise, EnterpriseSize.Small, null, false, "nhỏ")]
    [InlineData(PlaceKind.School, null, SchoolLevel.Primary, false, "tiểu học")]
    [InlineData(PlaceKind.School, null, SchoolLevel.Preschool, false, "mầm non")]
    public void Exclusions_AreRefusedWithAVietnameseReason_Tt124Article1(PlaceKind kind, EnterpriseSize? size, SchoolLevel? level, bool armed, string words)
    {
        // TT 124/2021/TT-BCA Điều 1: trừ đơn vị lực lượng vũ trang, doanh nghiệp nhỏ và siêu nhỏ, trường tiểu học, mầm non, nhà trẻ.
        var reason = SafetyRules.Exclusion(kind, size, level, armed);
        Assert.NotNull(reason);
        Assert.Contains(words, reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Điều 1", reason, StringComparison.Ordinal);
        Assert.False(SafetyRules.IsEligible(kind, size, level, armed));
    }

    [Theory]
    [InlineData(PlaceKind.ResidentialArea, null, null, false)]
    [InlineData(PlaceKind.Agency, null, null, false)]
    [InlineData(PlaceKind.Enterprise, EnterpriseSize.Medium, null, false)]
    [InlineData(PlaceKind.Enterprise, EnterpriseSize.Large, null, false)]
    [InlineData(PlaceKind.School, null, SchoolLevel.LowerSecondary, false)]
    [InlineData(PlaceKind.School, null, SchoolLevel.UpperSecondary, false)]
    public void Eligible_Places_HaveNoExclusion_Tt124Article1(PlaceKind kind, EnterpriseSize? size, SchoolLevel? level, bool armed) =>
        Assert.Null(SafetyRules.Exclusion(kind, size, level, armed));

    [Theory]
    [InlineData(10, 10, 7, true)]
    [InlineData(10, 10, 10, true)]
    [InlineData(10, 10, 6, false)]
    [InlineData(10, 9, 9, false)]
    [InlineData(9, 9, 7, true)]
    [InlineData(9, 9, 6, false)]
    [InlineData(3, 3, 3, true)]
    [InlineData(0, 0, 0, false)]
    public void CommuneRule_NeedsAllRegisteredAndAtLeast70PercentRecognised_Tt124Article5Criterion4(int eligible, int registered, int recognised, bool met)
    {
        // TT 124/2021/TT-BCA Điều 5 tiêu chí 4: 100 % đăng ký và ít nhất 70 % được công nhận.
        var result = CommuneRule.Evaluate(eligible, registered, recognised);
        Assert.Equal(met, result.Met);
        Assert.Contains("Điều 5", CommuneRule.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void CommuneRule_ExplainsItsFigures()
    {
        var result = CommuneRule.Evaluate(10, 10, 6);
        Assert.Equal(60m, result.RecognisedPercent);
        Assert.True(result.AllRegistered);
        Assert.False(result.EnoughRecognised);
        Assert.Contains("đạt 6/10", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("chưa đáp ứng", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void CommuneRule_RejectsImpossibleCounts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CommuneRule.Evaluate(5, 3, 4));

    [Fact]
    public void Authority_CommuneCommitteeRecognisesResidentialAreas_Tt124Article10()
    {
        // TT 124/2021/TT-BCA Điều 10: UBND cấp xã công nhận khu dân cư và đơn vị do xã quản lý (confirmed).
        var authority = SafetyRules.Authority(SafetySubjectKind.ResidentialArea, ManagingLevel.Commune, new DateOnly(2020, 12, 31));
        Assert.Equal(ManagingLevel.Commune, authority.Level);
        Assert.True(authority.Confirmed);
        Assert.Equal(ManagingLevel.Commune, SafetyRules.Authority(SafetySubjectKind.Enterprise, ManagingLevel.Commune, new DateOnly(2020, 12, 31)).Level);
    }

    [Fact]
    public void Authority_DistrictRecognisesCommunes_BeforeTwoLevelGovernment_ThenUnconfirmed_Tt124Article10_Tt48of2025()
    {
        // TT 124/2021 Điều 10 (partial): UBND cấp huyện công nhận xã; after 01/07/2025 (TT 48/2025) unconfirmed.
        var before = SafetyRules.Authority(SafetySubjectKind.Commune, ManagingLevel.Commune, new DateOnly(2024, 12, 31));
        Assert.Equal(ManagingLevel.District, before.Level);
        Assert.False(before.Confirmed);
        var after = SafetyRules.Authority(SafetySubjectKind.Commune, ManagingLevel.Commune, new DateOnly(2025, 12, 31));
        Assert.Equal(ManagingLevel.Province, after.Level);
        Assert.Contains("TT 48/2025", after.Citation, StringComparison.Ordinal);
        Assert.Equal(ManagingLevel.District, SafetyRules.Authority(SafetySubjectKind.School, ManagingLevel.District, new DateOnly(2020, 12, 31)).Level);
    }

    [Fact]
    public void Decision_BeforeTheWindowEnds_IsRefused_Tt124Article8_2()
    {
        // TT 124/2021 Điều 8.2: the year's evaluation closes on 31/10 (KDC) or 15/11 (others).
        Assert.NotNull(SafetyRules.CheckDecisionDate(SafetySubjectKind.ResidentialArea, 2026, new DateOnly(2026, 10, 30), null, Today));
        Assert.Null(SafetyRules.CheckDecisionDate(SafetySubjectKind.ResidentialArea, 2026, new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 1), Today));
        Assert.NotNull(SafetyRules.CheckDecisionDate(SafetySubjectKind.Commune, 2026, new DateOnly(2026, 11, 10), null, Today));
        Assert.NotNull(SafetyRules.CheckDecisionDate(SafetySubjectKind.ResidentialArea, 2026, new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 6), Today));
        Assert.NotNull(SafetyRules.CheckDecisionDate(SafetySubjectKind.Commune, 2026, new DateOnly(2026, 12, 5), null, Today));
    }

    [Fact]
    public void Criteria_AreVersionedByPeriod_AndUnconfirmedOnesAreFlagged_Tt124Articles4To7()
    {
        var kdc = SafetyCriteria.National(SafetySubjectKind.ResidentialArea, 2023);
        Assert.Equal(5, kdc.Count);
        Assert.True(kdc[0].Confirmed);
        Assert.False(kdc.Single(c => c.Code == "KDC-4").Confirmed);
        Assert.All(SafetyCriteria.National(SafetySubjectKind.School, 2023), c => Assert.False(c.Confirmed));
        Assert.Contains(SafetyCriteria.National(SafetySubjectKind.Commune, 2023), c => c.Derived && c.Citation == CommuneRule.Citation);
        Assert.All(SafetyCriteria.National(SafetySubjectKind.ResidentialArea, 2020), c => Assert.Contains("TT 23/2012", c.Citation, StringComparison.Ordinal));
    }

    [Fact]
    public void Workflow_FollowsTheSteps_AndRefusesIllegalTransitions()
    {
        var now = DateTime.UtcNow;
        var record = SafetyRecord.Register(2026, SafetySubjectKind.ResidentialArea, Guid.NewGuid(), "10606", "Khu dân cư số 1", ManagingLevel.Commune,
            new DateOnly(2026, 2, 1), SafetyCriteria.National(SafetySubjectKind.ResidentialArea, 2026), now);
        Assert.Equal(ErrorCodes.Conflict, record.Review(null, now)!.Code);
        Assert.Equal(ErrorCodes.Validation, record.Submit(now)!.Code);
        var answers = record.Checks.ToDictionary(c => c.Code, c => (bool?)true);
        answers["KDC-5"] = false;
        Assert.True(record.UpdateDossier(new DateOnly(2026, 11, 2), "Họp", answers, new Dictionary<string, string?>(), now).IsSuccess);
        Assert.Null(record.Submit(now));
        Assert.Null(record.Review("Đủ hồ sơ", now));
        // TT 124/2021 Điều 4: "đạt" needs every criterion.
        Assert.Equal(ErrorCodes.Conflict, record.Decide(SafetyResult.Recognised, "UBND", "12/QĐ-UBND", new DateOnly(2026, 11, 20), null, now)!.Code);
        Assert.Null(record.Decide(SafetyResult.NotRecognised, "UBND thị trấn Nam Sách", "12/QĐ-UBND", new DateOnly(2026, 11, 20), null, now));
        Assert.Equal(ErrorCodes.Conflict, record.IssueCertificate("01/GCN", new DateOnly(2026, 11, 21), now)!.Code);
        Assert.Equal(SafetyStatus.Decided, record.Status);
    }
}

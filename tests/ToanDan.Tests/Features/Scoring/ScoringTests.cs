using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Features.Safety;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Infrastructure;
using Step = ToanDan.Web.Features.Scoring.ChangeScoreCard.Step;

namespace ToanDan.Tests.Features.Scoring;

/// <summary>
/// Movement scoring against the demo database (clock 29/11/2026): self-score → reviewed score → grade, who reviews
/// what, totals against maxima, the overdue view (QĐ 510/2022 Điều 11), provincial sheets, scope and the 2020 figures.
/// </summary>
public abstract class ScoringTests(AppFixture app) : AppTests(app)
{
    private const string Officer = "CommunePolice@10606";
    private const string District = "DistrictPolice@291";

    private static readonly string[] GradeKeys = ["excellent", "good", "average", "weak"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    private Task<Result<Guid>> OpenAsync(string user, OpenScoreCard.Command command) =>
        WithAsync(s => s.GetRequiredService<OpenScoreCard.Handler>().HandleAsync(SafetyTests.As(user), command, Ct));

    private Task<Result<ScoreCardStatus>> StepAsync(string user, Guid id, Step step, IReadOnlyDictionary<string, decimal?>? points = null) =>
        WithAsync(s => s.GetRequiredService<ChangeScoreCard.Handler>().HandleAsync(SafetyTests.As(user), new(id, step, points, "Nhận xét"), Ct));

    private Task<ScoreCard> CardAsync(Guid id) =>
        WithAsync(s => s.GetRequiredService<ToanDanDb>().ScoreCards.AsNoTracking().Include(c => c.Entries).SingleAsync(c => c.Id == id, Ct));

    private static Dictionary<string, decimal?> Points(ScoreCard card, decimal share) =>
        ScoringRules.Leaves(card.Items).ToDictionary(l => l.Code, l => (decimal?)(l.MaxPoints * share));

    private HttpClient Client(string user) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).As(user);

    [Fact]
    public async Task ResidentialArea_SelfScoredLate_IsOverdue_AndTheCommuneReviewsIt_Qd510Article11()
    {
        var place = await WithAsync(s => s.GetRequiredService<ToanDanDb>().Places.AsNoTracking().SingleAsync(p => p.CommuneCode == "10606" && p.Name == "Khu dân cư số 3", Ct));
        var id = (await OpenAsync(Officer, new(2026, place.Id, null))).Value;
        var card = await CardAsync(id);
        Assert.Equal(ScoringSubjectKind.ResidentialArea, card.Kind);
        Assert.Equal(new DateOnly(2026, 11, 20), card.Deadline);
        Assert.Equal(ErrorCodes.Conflict, (await OpenAsync(Officer, new(2026, place.Id, null))).Errors[0].Code);

        Assert.True((await StepAsync(Officer, id, Step.SaveSelfScore, Points(card, 0.9m))).IsSuccess);
        Assert.Equal(ScoreCardStatus.Submitted, (await StepAsync(Officer, id, Step.Submit)).Value);
        var overdue = await WithAsync(s => s.GetRequiredService<ListScoreCards.Handler>().HandleAsync(SafetyTests.As(Officer), new(2026, OverdueOnly: true), Ct));
        Assert.Contains(overdue.Value, r => r.Id == id && r.Overdue);

        // The commune reviews its residential areas (reviewLocal); the reviewed total gives the grade.
        Assert.Equal(ScoreCardStatus.Reviewed, (await StepAsync(Officer, id, Step.Review, Points(card, 0.8m))).Value);
        var reviewed = await CardAsync(id);
        Assert.Equal(90m, reviewed.SelfTotal);
        Assert.Equal(ScoreGrade.Excellent, reviewed.ProposedGrade);
        Assert.Equal(80m, reviewed.ReviewedTotal);
        Assert.Equal(ScoreGrade.Good, reviewed.Grade);

        using var client = Client(Officer);
        var page = await Html.GetAsync(client, "/staff/scoring/overdue?year=2026");
        Assert.NotNull(page.QuerySelector($"a[href='/staff/scoring/{id}']"));
    }

    [Fact]
    public async Task Commune_IsReviewedByTheDistrictOnly_AndPointsAreCheckedAgainstMaxima_Qd510()
    {
        var id = (await OpenAsync(Officer, new(2024, null, "10606"))).Value;
        var card = await CardAsync(id);
        Assert.Equal(ScoringSubjectKind.Commune, card.Kind);
        var over = Points(card, 1m);
        over["1"] = 11;
        var refused = await StepAsync(Officer, id, Step.SaveSelfScore, over);
        Assert.Equal(ErrorCodes.Validation, refused.Errors[0].Code);
        Assert.Contains("từ 0 đến 10", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Validation, (await StepAsync(Officer, id, Step.Submit)).Errors[0].Code);
        Assert.True((await StepAsync(Officer, id, Step.SaveSelfScore, Points(card, 0.7m))).IsSuccess);
        Assert.True((await StepAsync(Officer, id, Step.Submit)).IsSuccess);

        Assert.Equal(ErrorCodes.Forbidden, (await StepAsync(Officer, id, Step.Review, Points(card, 0.7m))).Errors[0].Code);
        Assert.Equal(ErrorCodes.NotFound, (await StepAsync("DistrictPolice@10639", id, Step.Review, Points(card, 0.7m))).Errors[0].Code);
        Assert.Equal(ErrorCodes.Conflict, (await StepAsync(District, id, Step.Submit)).Errors[0].Code);
        Assert.Equal(ScoreCardStatus.Reviewed, (await StepAsync(District, id, Step.Review, Points(card, 0.45m))).Value);
        Assert.Equal(ScoreGrade.Weak, (await CardAsync(id)).Grade);

        var actions = await WithAsync(s => s.GetRequiredService<ToanDanDb>().AuditEntries
            .Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("scoring.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal(["scoring.open", "scoring.submit", "scoring.review"], actions);
    }

    [Fact]
    public async Task District_IsReviewedByTheProvince_NotByItself()
    {
        var id = (await OpenAsync(District, new(2024, null, "291"))).Value;
        var card = await CardAsync(id);
        Assert.Equal(new DateOnly(2024, 12, 15), card.Deadline);
        Assert.True((await StepAsync(District, id, Step.SaveSelfScore, Points(card, 0.9m))).IsSuccess);
        Assert.True((await StepAsync(District, id, Step.Submit)).IsSuccess);
        Assert.Equal(ErrorCodes.Forbidden, (await StepAsync(District, id, Step.Review, Points(card, 0.9m))).Errors[0].Code);
        Assert.Equal(ScoreCardStatus.Reviewed, (await StepAsync("ProvincePolice@30", id, Step.Review, Points(card, 0.95m))).Value);
    }

    [Fact]
    public async Task Pages_BadPoints_Answer422_IllegalStep409_OtherCommune404()
    {
        var place = await WithAsync(s => s.GetRequiredService<ToanDanDb>().Places.AsNoTracking().SingleAsync(p => p.CommuneCode == "10606" && p.Name == "Khu dân cư số 4", Ct));
        var id = (await OpenAsync(Officer, new(2026, place.Id, null))).Value;
        using var client = Client(Officer);
        var page = await Html.GetAsync(client, $"/staff/scoring/{id}");
        var bad = await Html.PostAsync(client, $"/staff/scoring/{id}", [new("__RequestVerificationToken", Html.Token(page)), new("step", "SaveSelfScore"), new("points[1]", "mười")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("không phải là số", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var illegal = await Html.PostAsync(client, $"/staff/scoring/{id}", [new("__RequestVerificationToken", Html.Token(page)), new("step", "Return")]);
        Assert.True(illegal.StatusCode == HttpStatusCode.Conflict, $"{(int)illegal.StatusCode}: {await illegal.Content.ReadAsStringAsync(Ct)}");
        using var other = Client("CommunePolice@10639");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/scoring/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/scoring?unit=10606&year=2026", Ct)).StatusCode);
        var rows = await WithAsync(s => s.GetRequiredService<ListScoreCards.Handler>().HandleAsync(SafetyTests.As("CommunePolice@10639"), new(2026), Ct));
        Assert.DoesNotContain(rows.Value, r => r.Id == id);
    }

    [Fact]
    public async Task ProvincialSheet_ReplacesTheNationalOne_ForNewCards()
    {
        var lines = "1 | Lãnh đạo, chỉ đạo | 40\n1.1 | Nghị quyết | 20\n1.2 | Kế hoạch | 20\n2 | Kết quả | 60";
        var denied = await WithAsync(s => s.GetRequiredService<SaveScoreSheet.Handler>().HandleAsync(SafetyTests.As(District),
            new("30", ScoreSheetKind.Organisation, 2024, "Bảng điểm cơ quan của tỉnh", "QĐ 1/QĐ-UBND", lines, 85, 70, 50), Ct));
        Assert.Equal(ErrorCodes.NotFound, denied.Errors[0].Code);
        var badSum = await WithAsync(s => s.GetRequiredService<SaveScoreSheet.Handler>().HandleAsync(SafetyTests.As("ProvincePolice@30"),
            new("30", ScoreSheetKind.Organisation, 2024, "Bảng", "QĐ 1/QĐ-UBND", "1 | A | 40\n2 | B | 50", 85, 70, 50), Ct));
        Assert.Contains(badSum.Errors, e => e.Message.Contains("100", StringComparison.Ordinal));
        var saved = await WithAsync(s => s.GetRequiredService<SaveScoreSheet.Handler>().HandleAsync(SafetyTests.As("ProvincePolice@30"),
            new("30", ScoreSheetKind.Organisation, 2024, "Bảng điểm cơ quan của tỉnh", "QĐ 1/QĐ-UBND", lines, 85, 70, 50), Ct));
        Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Errors[0].Message);

        var agency = await WithAsync(s => s.GetRequiredService<ToanDanDb>().Places.AsNoTracking().SingleAsync(p => p.CommuneCode == "10606" && p.Name == "Trạm Y tế thị trấn Nam Sách", Ct));
        var id = (await OpenAsync(Officer, new(2024, agency.Id, null))).Value;
        var card = await CardAsync(id);
        Assert.Equal("Bảng điểm cơ quan của tỉnh", card.SheetName);
        Assert.Equal(4, card.Entries.Count);
        Assert.Equal(85m, card.ExcellentFrom);
        Assert.True(card.ThresholdsConfirmed);
    }

    [Fact]
    public async Task Demo_NamSach2020_GradesComeFromTheCards()
    {
        using var client = Factory.CreateClient().As(District);
        var response = await client.GetAsync("/api/reports/annual?unit=291&year=2020", Ct);
        var figures = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("figures");
        Assert.Equal(20, figures.GetProperty("scoring.cards").GetDecimal());
        Assert.Equal(7, figures.GetProperty("scoring.grades.excellent").GetDecimal());
        Assert.Equal(7, figures.GetProperty("scoring.communes.excellent").GetDecimal());
        Assert.Equal(19, figures.GetProperty("scoring.communes.graded").GetDecimal());
        Assert.Equal(20, GradeKeys.Sum(g => figures.GetProperty($"scoring.grades.{g}").GetDecimal()));
        var scores = await WithAsync(s => s.GetRequiredService<ScoringResults>().UnitsAsync(["10639", "10606", "291"], 2020, Ct));
        Assert.Equal(ScoreGrade.Excellent, scores["10639"].Grade);
        Assert.Equal(92m, scores["10639"].ReviewedTotal);
        Assert.Equal(3, scores.Count);
    }
}

public sealed class ScoringTestsOnSqlite(SqliteDemoApp app) : ScoringTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ScoringTestsOnPostgreSql(PostgreSqlDemoApp app) : ScoringTests(app), IClassFixture<PostgreSqlDemoApp>;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Infrastructure.Demo;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Tests.Features.Reports;

/// <summary>
/// The per-commune overview (<c>/staff/reports/overview</c>) over the demo data: its totals are the annual report's
/// figures of the same request, each row agrees with the modules' read services, a new record moves its cell, the
/// scope holds (404 outside it), bad input is a Vietnamese 4xx, and the .xlsx export carries the same rows.
/// </summary>
public abstract class CommuneOverviewTests(AppFixture app) : AppTests(app)
{
    private const string District = "DistrictPolice@291";
    private const string Town = "CommunePolice@10606";
    private const string CongHoa = "CommunePolice@10639";

    /// <summary>Both trees in scope (as in the annual report's tests).</summary>
    private const string Provinces = "ProvincePolice@30,ProvincePolice@31";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string user) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).As(user);

    private async Task<JsonElement> FiguresAsync(string user, string query)
    {
        using var client = Client(user);
        var response = await client.GetAsync("/api/reports/annual?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("figures");
    }

    private async Task<IHtmlDocument> OverviewAsync(string user, string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = Client(user);
        return await Html.GetAsync(client, "/staff/reports/overview?" + query, expected);
    }

    private static int Data(IElement element, string name) =>
        int.Parse(element.GetAttribute("data-" + name) ?? throw new InvalidOperationException($"No data-{name} on {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}"), CultureInfo.InvariantCulture);

    private static decimal Figure(JsonElement figures, string key) => figures.GetProperty(key).GetDecimal();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task NamSach2020_TotalsAreTheAnnualFigures_AndEachRowAgreesWithTheModules()
    {
        var figures = await FiguresAsync(District, "unit=291&year=2020&tree=historic");
        var page = await OverviewAsync(District, "unit=291&year=2020&tree=historic");

        // The seed's figures: 88 models maintained at the end of 2020, 7 communes and 120 places recognised.
        var total = page.QuerySelector("tr.overview-total")!;
        Assert.Equal(88, Data(total, "maintained"));
        Assert.Equal(Figure(figures, "models.maintained"), Data(total, "maintained"));
        Assert.Equal(Figure(figures, "models.builtInYear"), Data(total, "built"));
        Assert.Equal(Figure(figures, "models.points"), Data(total, "points"));
        Assert.Equal(Figure(figures, "models.teams"), Data(total, "teams"));
        Assert.Equal(120, Data(total, "places-recognised"));
        Assert.Equal(Figure(figures, "safety.places"), Data(total, "places-recognised"));
        Assert.Equal(Figure(figures, "safety.places.eligible"), Data(total, "eligible"));
        Assert.Equal(7, Data(total, "certified"));
        Assert.Equal(Figure(figures, "safety.communes"), Data(total, "certified"));
        Assert.Equal(Figure(figures, "safety.communes.ruleMet"), Data(total, "rule-met"));
        Assert.Equal("88", total.GetAttribute("data-score"));

        // One row per commune of the 2020 tree, each the modules' own answer for that commune.
        var rows = page.QuerySelectorAll("tr.overview-commune").ToList();
        Assert.Equal(Figure(figures, "units.communes"), rows.Count);
        Assert.Equal(NamSachDemo.Communes.Select(c => c.Code).Order(StringComparer.Ordinal), rows.Select(r => r.GetAttribute("data-commune")!).Order(StringComparer.Ordinal));
        Assert.Empty(page.QuerySelectorAll("tr.overview-part"));
        var codes = rows.Select(r => r.GetAttribute("data-commune")!).ToList();
        var models = await WithAsync(s => s.GetRequiredService<ModelStatistics>().PerUnitAsync(codes, new DateOnly(2020, 12, 31), Ct));
        var safety = (await WithAsync(s => s.GetRequiredService<SafetyResults>().CommunesAsync(codes, 2020, Ct))).ToDictionary(r => r.CommuneCode);
        var scores = await WithAsync(s => s.GetRequiredService<ScoringResults>().UnitsAsync(codes, 2020, Ct));
        foreach (var row in rows)
        {
            var code = row.GetAttribute("data-commune")!;
            Assert.Equal(models[code].Maintained.Models, Data(row, "maintained"));
            Assert.Equal(models[code].BuiltInYear, Data(row, "built"));
            Assert.Equal(models[code].Maintained.Points, Data(row, "points"));
            Assert.Equal(models[code].Maintained.Teams, Data(row, "teams"));
            Assert.Equal(safety[code].Rule.Recognised, Data(row, "recognised"));
            Assert.Equal(safety[code].Rule.Eligible, Data(row, "eligible"));
            Assert.Equal(safety[code].Rule.Met ? 1 : 0, Data(row, "rule-met"));
            var expected = NamSachSafetyDemo.RecognisedCommunes.Contains(code) ? nameof(CertificationState.Recognised)
                : NamSachSafetyDemo.NotRecognisedCommunes.Contains(code) ? nameof(CertificationState.NotRecognised)
                : nameof(CertificationState.NotRegistered);
            Assert.Equal(expected, row.GetAttribute("data-certification"));
            Assert.Equal(scores[code].ReviewedTotal!.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), row.GetAttribute("data-score"));
            Assert.Equal(scores[code].Grade.ToString(), row.GetAttribute("data-grade"));
        }

        // The 7 recognised communes meet the derived rule and were graded Xuất sắc (the demo's scoring).
        var recognised = rows.Where(r => r.GetAttribute("data-certification") == nameof(CertificationState.Recognised)).ToList();
        Assert.Equal(NamSachSafetyDemo.RecognisedCommunes.Order(), recognised.Select(r => r.GetAttribute("data-commune")!).Order());
        Assert.All(recognised, r => Assert.Equal(1, Data(r, "rule-met")));
        Assert.All(recognised, r => Assert.Equal(nameof(ScoreGrade.Excellent), r.GetAttribute("data-grade")));

        // And each commune's row is that commune's own annual report.
        foreach (var code in new[] { "10606", "10639" })
        {
            var own = await FiguresAsync(District, $"unit={code}&year=2020");
            var row = rows.Single(r => r.GetAttribute("data-commune") == code);
            Assert.Equal(Figure(own, "models.maintained"), Data(row, "maintained"));
            Assert.Equal(Figure(own, "safety.places"), Data(row, "places-recognised"));
        }

        // Each cell opens the module page for that commune and year.
        var town = rows.Single(r => r.GetAttribute("data-commune") == "10606");
        var links = town.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/staff/models?Filter.Unit=10606&Filter.Year=2020&Filter.Status=Active", links);
        Assert.Contains("/staff/safety?unit=10606&year=2020", links);
        Assert.Contains(links, l => l.StartsWith("/staff/safety/", StringComparison.Ordinal) && Guid.TryParse(l["/staff/safety/".Length..], out _));
        Assert.Contains($"/staff/scoring/{scores["10606"].CardId}", links);
        using var client = Client(District);
        foreach (var link in links)
        {
            Assert.True((await client.GetAsync(link, Ct)).StatusCode == HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task ANewModel_MovesItsCommuneCell_AndTheTotal()
    {
        var before = await OverviewAsync(District, "unit=291&year=2020");
        var row = before.QuerySelector("tr[data-commune='10618']")!;
        var total = before.QuerySelector("tr.overview-total")!;
        var model = MovementModel.Create("10618", new ModelDetails("Tổ tự quản thử nghiệm tổng hợp", "selfManaged", "general", new DateOnly(2020, 4, 1), false, null),
            new DateOnly(2026, 11, 29), DateTime.UtcNow).Value;
        Assert.True(model.AddPoint(new PointDetails("10618", null, "Thôn thử", new DateOnly(2020, 4, 1), null, 3, 25), new DateOnly(2026, 11, 29), DateTime.UtcNow).IsSuccess);
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            db.MovementModels.Add(model);
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            var after = await OverviewAsync(District, "unit=291&year=2020");
            var moved = after.QuerySelector("tr[data-commune='10618']")!;
            Assert.Equal(Data(row, "maintained") + 1, Data(moved, "maintained"));
            Assert.Equal(Data(row, "built") + 1, Data(moved, "built"));
            Assert.Equal(Data(row, "points") + 1, Data(moved, "points"));
            Assert.Equal(Data(row, "teams") + 3, Data(moved, "teams"));
            Assert.Equal(Data(total, "maintained") + 1, Data(after.QuerySelector("tr.overview-total")!, "maintained"));
            Assert.Equal(Data(before.QuerySelector("tr[data-commune='10621']")!, "maintained"), Data(after.QuerySelector("tr[data-commune='10621']")!, "maintained"));

            // Not there yet at the end of 2019.
            var earlier = await OverviewAsync(District, "unit=291&year=2019");
            var figures2019 = await FiguresAsync(District, "unit=291&year=2019");
            Assert.Equal(Figure(figures2019, "models.maintained"), Data(earlier.QuerySelector("tr.overview-total")!, "maintained"));
        }
        finally
        {
            // Tests of a class share one database: leave it as the demo made it.
            await using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            db.MovementModels.Remove(await db.MovementModels.Include(m => m.StatusChanges).Include(m => m.Points).SingleAsync(m => m.Id == model.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(88, Data((await OverviewAsync(District, "unit=291&year=2020")).QuerySelector("tr.overview-total")!, "maintained"));
    }

    [Fact]
    public async Task Scope_ACommuneOfficerSeesOnlyTheirCommune_AnotherIsNotFound()
    {
        // Without parameters the town's officer lands on the town, in the latest year the tree held it.
        var own = await OverviewAsync(Town, "");
        Assert.Equal(["10606"], own.QuerySelectorAll("tr.overview-commune").Select(r => r.GetAttribute("data-commune")!));
        var town2020 = await OverviewAsync(Town, "unit=10606&year=2020");
        Assert.Equal(["10606"], town2020.QuerySelectorAll("tr.overview-commune").Select(r => r.GetAttribute("data-commune")!));
        Assert.Equal(nameof(CertificationState.NotRecognised), town2020.QuerySelector("tr.overview-commune")!.GetAttribute("data-certification"));

        foreach (var query in new[] { "unit=10606&year=2020", "unit=291&year=2020", "unit=10606&year=2020&handler=Export" })
        {
            using var client = Client(CongHoa);
            var response = await client.GetAsync("/staff/reports/overview?" + query, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("trong phạm vi của tài khoản", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // The district sees all its communes; roles without the report permission are refused.
        Assert.Equal(19, (await OverviewAsync(District, "unit=291&year=2020")).QuerySelectorAll("tr.overview-commune").Length);
        using (var editor = Client("PortalEditor@291"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/staff/reports/overview?unit=291&year=2020", Ct)).StatusCode);
        }

        // The staff menu leads there.
        var home = await Html.GetAsync(Client(Town), "/staff");
        Assert.NotNull(home.QuerySelector("a[href='/staff/reports/overview']"));
    }

    [Theory]
    [InlineData("unit=abc&year=2020", HttpStatusCode.UnprocessableEntity, "Mã đơn vị “abc” không hợp lệ")]
    [InlineData("unit=2910&year=2020", HttpStatusCode.UnprocessableEntity, "gồm 2, 3 hoặc 5 chữ số")]
    [InlineData("unit=291&year=abc", HttpStatusCode.UnprocessableEntity, "hãy nhập năm bằng số")]
    [InlineData("unit=291&year=1990", HttpStatusCode.UnprocessableEntity, "Năm báo cáo phải từ 2000 đến 2026")]
    [InlineData("unit=291&year=2099", HttpStatusCode.UnprocessableEntity, "Năm báo cáo phải từ 2000 đến 2026")]
    [InlineData("unit=291&year=2020&tree=both", HttpStatusCode.UnprocessableEntity, "historic")]
    [InlineData("unit=99999&year=2020", HttpStatusCode.NotFound, "Không có đơn vị mã 99999")]
    [InlineData("unit=291&year=2026", HttpStatusCode.NotFound, "Không có đơn vị mã 291 vào ngày")]
    [InlineData("unit=291&year=2020&tree=current", HttpStatusCode.NotFound, "tree=historic")]
    public async Task BadInput_IsAClearVietnamese4xx(string query, HttpStatusCode status, string fragment)
    {
        var page = await OverviewAsync(Provinces, query, status);
        Assert.Contains(fragment, page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.overview-table"));
    }

    [Fact]
    public async Task Export_IsAnXlsxWithTheSameRows()
    {
        using var client = Client(District);
        var response = await client.GetAsync("/staff/reports/overview?handler=Export&unit=291&year=2020", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("tong-hop-theo-xa-291-2020.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var sheet = XlsxReader.ReadFirstSheet(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.True(sheet.IsSuccess, sheet.IsSuccess ? "" : sheet.Errors[0].Message);
        var lines = sheet.Value.Rows;
        Assert.Equal(CommuneOverviewSheet.Header, lines[0].Cells);

        var page = await OverviewAsync(District, "unit=291&year=2020");
        var rows = page.QuerySelectorAll("tr.overview-commune").ToList();
        var body = lines.Skip(1).ToList();
        Assert.Equal(rows.Count + 1, body.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].GetAttribute("data-commune"), body[i].Cells[0]);
            Assert.Equal(rows[i].GetAttribute("data-maintained"), body[i].Cells[2]);
            Assert.Equal(rows[i].GetAttribute("data-recognised"), body[i].Cells[6]);
            Assert.Equal(rows[i].GetAttribute("data-eligible"), body[i].Cells[7]);
            Assert.Equal(rows[i].GetAttribute("data-score"), body[i].Cells[13]);
        }

        var totals = body[^1].Cells;
        Assert.StartsWith("Tổng cộng", totals[1], StringComparison.Ordinal);
        Assert.Equal("88", totals[2]);
        Assert.Equal("120", (int.Parse(totals[6], CultureInfo.InvariantCulture) + int.Parse(totals[10], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Đạt", body.Single(l => l.Cells[0] == "10639").Cells[12]);
        Assert.Equal("Chưa đạt", body.Single(l => l.Cells[0] == "10606").Cells[12]);
    }

    [Fact]
    public async Task CurrentTree_XaTranPhu2020_ShowsTheFormerCommunes_AndMatchesTheAnnualFigures()
    {
        var figures = await FiguresAsync(Provinces, "unit=10633&year=2020&tree=current");
        var page = await OverviewAsync(Provinces, "unit=10633&year=2020&tree=current");
        var row = Assert.Single(page.QuerySelectorAll("tr.overview-commune"));
        var parts = page.QuerySelectorAll("tr.overview-part").ToList();
        string[] madeFrom = ["10618", "10621", "10624", "10627", "10633"];
        Assert.Equal(madeFrom, parts.Select(p => p.GetAttribute("data-part")!).Order(StringComparer.Ordinal));
        Assert.Equal(parts.Sum(p => Data(p, "maintained")), Data(row, "maintained"));

        // Each former commune under its 2020 name (10633 was Xã Nam Trung, 10621 Xã Thanh Quang), not the name its code has today.
        foreach (var part in parts)
        {
            var name = NamSachDemo.Communes.Single(c => c.Code == part.GetAttribute("data-part")).Name;
            Assert.Contains("Xã " + name, part.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        }

        var total = page.QuerySelector("tr.overview-total")!;
        Assert.Equal(Figure(figures, "models.maintained"), Data(total, "maintained"));
        Assert.Equal(Figure(figures, "safety.places"), Data(total, "places-recognised"));
        Assert.Equal(Figure(figures, "safety.communes"), Data(total, "certified"));

        // 10624 was recognised in 2020 (the demo), 10618 and 10621 decided "chưa đạt": each keeps its own result.
        Assert.Equal(nameof(CertificationState.Recognised), parts.Single(p => p.GetAttribute("data-part") == "10624").GetAttribute("data-certification"));
        Assert.Equal(nameof(CertificationState.NotRecognised), parts.Single(p => p.GetAttribute("data-part") == "10618").GetAttribute("data-certification"));
    }

    [Fact]
    public async Task CurrentTree_HaiPhong2020_TotalsAreTheAnnualFigures()
    {
        var figures = await FiguresAsync(Provinces, "unit=31&year=2020&tree=current");
        var page = await OverviewAsync(Provinces, "unit=31&year=2020&tree=current");
        Assert.Equal(Figure(figures, "units.communes"), page.QuerySelectorAll("tr.overview-commune").Length);
        var total = page.QuerySelector("tr.overview-total")!;
        Assert.Equal(Figure(figures, "models.maintained"), Data(total, "maintained"));
        Assert.Equal(Figure(figures, "models.builtInYear"), Data(total, "built"));
        Assert.Equal(Figure(figures, "safety.places"), Data(total, "places-recognised"));
        Assert.Equal(Figure(figures, "safety.places.eligible"), Data(total, "eligible"));
        Assert.Equal(Figure(figures, "safety.communes"), Data(total, "certified"));
        Assert.Equal(Figure(figures, "safety.communes.ruleMet"), Data(total, "rule-met"));
    }
}

public sealed class CommuneOverviewTestsOnSqlite(SqliteDemoApp app) : CommuneOverviewTests(app), IClassFixture<SqliteDemoApp>;

public sealed class CommuneOverviewTestsOnPostgreSql(PostgreSqlDemoApp app) : CommuneOverviewTests(app), IClassFixture<PostgreSqlDemoApp>;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.ProcedureStats;

/// <summary><c>POST /api/procedure-stats</c> (JSON and CSV) and the annual figures the module contributes.</summary>
public abstract class ProcedureStatsApiTests(AppFixture app) : AppTests(app)
{
    private const string Url = "/api/procedure-stats";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private async Task RemoveAsync(string unit, int year)
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<ToanDanDb>().ProcedurePeriods
            .Where(p => p.UnitCode == unit && p.Year == year).ExecuteDeleteAsync(Ct);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Json_Upserts_AndAnswersTheStoredRecord()
    {
        using var client = Factory.CreateClient().As("CommunePolice@10606");
        try
        {
            var response = await client.PostAsync(Url, JsonBody("""{"unit":"10606","year":2019,"month":2,"received":9,"processed":8,"onTimeOrEarly":6,"late":2}"""), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("10606", json.GetProperty("unit").GetString());
            Assert.Equal(25, json.GetProperty("latePercent").GetInt32());
            Assert.Equal(1, json.GetProperty("version").GetInt32());
            Assert.True(json.GetProperty("created").GetBoolean());

            response = await client.PostAsync(Url, JsonBody("""{"unit":"10606","year":2019,"month":2,"received":9,"processed":0,"onTimeOrEarly":0,"late":0}"""), Ct);
            json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(2, json.GetProperty("version").GetInt32());
            Assert.False(json.GetProperty("created").GetBoolean());
            Assert.Equal(JsonValueKind.Null, json.GetProperty("latePercent").ValueKind);
        }
        finally
        {
            await RemoveAsync("10606", 2019);
        }
    }

    [Theory]
    [InlineData("""{"unit":"10606","year":2019,"month":2,"received":9,"processed":8,"onTimeOrEarly":6,"late":1}""", "processed", "phải bằng")]
    [InlineData("""{"unit":"10606","year":2019,"month":2,"received":-1,"processed":0,"onTimeOrEarly":0,"late":0}""", "received", "không được âm")]
    [InlineData("""{"unit":"10606","year":2019,"month":2,"processed":0,"onTimeOrEarly":0,"late":0}""", "received", "Hãy nhập số hồ sơ tiếp nhận")]
    [InlineData("""{"unit":"10606","year":2019,"month":14,"received":0,"processed":0,"onTimeOrEarly":0,"late":0}""", "month", "Tháng phải từ 1 đến 12")]
    [InlineData("""{"unit":"10606","year":2019,"month":2,"received":"nhiều","processed":0,"onTimeOrEarly":0,"late":0}""", "received", "phải là một số nguyên")]
    [InlineData("""{"unit":10606,"year":2019,"month":2,"received":1,"processed":0,"onTimeOrEarly":0,"late":0}""", "unit", "chuỗi mã đơn vị")]
    [InlineData("""{"year":2019,"month":2,"received":0,"processed":0,"onTimeOrEarly":0,"late":0}""", "unit", "Thiếu mã đơn vị")]
    public async Task Json_BadField_Is400NamingTheField(string body, string field, string fragment)
    {
        using var client = Factory.CreateClient().As("CommunePolice@10606");
        var problem = await ProblemAsync(await client.PostAsync(Url, JsonBody(body), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
        Assert.Contains(fragment, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Yêu cầu không hợp lệ", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Json_Malformed_Is400()
    {
        using var client = Factory.CreateClient().As("CommunePolice@10606");
        var problem = await ProblemAsync(await client.PostAsync(Url, JsonBody("{\"unit\":"), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherContentType_Is415()
    {
        using var client = Factory.CreateClient().As("CommunePolice@10606");
        using var form = new FormUrlEncodedContent([new("unit", "10606")]);
        var problem = await ProblemAsync(await client.PostAsync(Url, form, Ct), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var text = new StringContent("10606", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync(Url, text, Ct)).StatusCode);
    }

    [Fact]
    public async Task Csv_SavesAllRows_AndAnswersThem()
    {
        using var client = Factory.CreateClient().As("DistrictPolice@291");
        try
        {
            var response = await client.PostAsync(Url, CsvBody("unit,year,month,received,processed,onTimeOrEarly,late\n10606,2019,1,3,3,3,0\n10639,2019,1,4,4,2,2\n"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(2, json.GetArrayLength());
            Assert.Equal(50, json[1].GetProperty("latePercent").GetInt32());
        }
        finally
        {
            await RemoveAsync("10606", 2019);
            await RemoveAsync("10639", 2019);
        }
    }

    [Theory]
    [InlineData("unit,year,month,received,processed,onTimeOrEarly\n10606,2019,1,3,3,3\n", "late", "thiếu cột")]
    [InlineData("unit,year,month,received,processed,onTimeOrEarly,late\n10606,2019,1,3,3,3,x\n", "late", "Dòng 2, cột late")]
    [InlineData("unit,year,month,received,processed,onTimeOrEarly,late\n10606,2019,1,3,3,3,0\n10606,2019,2,3,3,2,0\n", "processed", "Dòng 3:")]
    public async Task Csv_BadRow_Is400NamingTheField_AndSavesNothing(string csv, string field, string fragment)
    {
        using var client = Factory.CreateClient().As("CommunePolice@10606");
        var problem = await ProblemAsync(await client.PostAsync(Url, CsvBody(csv), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
        Assert.Contains(fragment, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ToanDanDb>().ProcedurePeriods.AnyAsync(p => p.Year == 2019, Ct));
    }

    [Fact]
    public async Task OutOfScope_Is404_ByJsonAndByCsv()
    {
        using var client = Factory.CreateClient().As("CommunePolice@10639");
        var json = await client.PostAsync(Url, JsonBody("""{"unit":"10606","year":2020,"month":1,"received":1,"processed":1,"onTimeOrEarly":1,"late":0}"""), Ct);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        var csv = await client.PostAsync(Url, CsvBody("unit,year,month,received,processed,onTimeOrEarly,late\n10606,2020,1,1,1,1,0\n"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        await using var scope = Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().ProcedurePeriods.SingleAsync(p => p.UnitCode == "10606" && p.Year == 2020 && p.Month == 1, Ct);
        Assert.Equal(PortalDemo.Figures(0, 0).Received, stored.Received);
    }

    [Fact]
    public async Task Anonymous_Is401_AndRoleWithoutPermission_Is403()
    {
        var body = """{"unit":"10606","year":2020,"month":1,"received":1,"processed":1,"onTimeOrEarly":1,"late":0}""";
        using var anonymous = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Url, JsonBody(body), Ct)).StatusCode);
        using var leader = Factory.CreateClient().As("Leader@10606");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync(Url, JsonBody(body), Ct)).StatusCode);
    }

    private async Task<JsonElement> FiguresAsync(string query)
    {
        using var client = Factory.CreateClient().As("ProvincePolice@30,ProvincePolice@31");
        var json = await client.GetFromJsonAsync<JsonElement>("/api/reports/annual?" + query, Ct);
        return json.GetProperty("figures");
    }

    [Fact]
    public async Task AnnualFigures_SumTheYearsPeriodsOfTheCoveredCommunes()
    {
        var expected = Enumerable.Range(0, PortalDemo.Communes.Count).SelectMany(c => Enumerable.Range(0, 12).Select(m => PortalDemo.Figures(c, m))).ToList();
        var figures = await FiguresAsync("unit=291&year=2020");
        Assert.Equal(expected.Sum(f => f.Received), figures.GetProperty("procedureStats.received").GetDecimal());
        Assert.Equal(expected.Sum(f => f.Processed), figures.GetProperty("procedureStats.processed").GetDecimal());
        Assert.Equal(expected.Sum(f => f.OnTimeOrEarly), figures.GetProperty("procedureStats.onTimeOrEarly").GetDecimal());
        Assert.Equal(expected.Sum(f => f.Late), figures.GetProperty("procedureStats.late").GetDecimal());
        Assert.True(figures.GetProperty("procedureStats.late").GetDecimal() > 0);

        var commune = await FiguresAsync("unit=10609&year=2020");
        Assert.Equal(Enumerable.Range(0, 12).Sum(m => PortalDemo.Figures(1, m).Processed), commune.GetProperty("procedureStats.processed").GetDecimal());

        var none = await FiguresAsync("unit=10615&year=2020");
        Assert.Equal(0, none.GetProperty("procedureStats.processed").GetDecimal());

        // Hải Phòng today covers every Nam Sách commune of 2020.
        var current = await FiguresAsync("unit=31&year=2020&tree=current");
        Assert.Equal(expected.Sum(f => f.Processed), current.GetProperty("procedureStats.processed").GetDecimal());
    }
}

public sealed class ProcedureStatsApiTestsOnSqlite(SqliteDemoApp app) : ProcedureStatsApiTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ProcedureStatsApiTestsOnPostgreSql(PostgreSqlDemoApp app) : ProcedureStatsApiTests(app), IClassFixture<PostgreSqlDemoApp>;

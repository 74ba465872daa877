using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.Reports;

/// <summary><c>GET /api/reports/annual</c> over the demo data: figures come from records, under either tree.</summary>
public abstract class AnnualReportApiTests(AppFixture app) : AppTests(app)
{
    /// <summary>A province police officer of Hải Dương and of Hải Phòng, so that both trees are in scope.</summary>
    private const string Reader = "ProvincePolice@30,ProvincePolice@31";

    private async Task<JsonElement> FiguresAsync(string query)
    {
        using var client = Factory.CreateClient().As(Reader);
        var response = await client.GetAsync("/api/reports/annual?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return json.GetProperty("figures");
    }

    private static int Demo(Func<Place, bool> predicate) => NamSachDemo.Places(DateTime.UtcNow).Count(predicate);

    [Fact]
    public async Task Historic_NamSach2020_Counts19CommunesAndTheirPlaces()
    {
        var figures = await FiguresAsync("unit=291&year=2020&tree=historic");
        Assert.Equal(19, figures.GetProperty("units.communes").GetDecimal());
        Assert.Equal(Demo(_ => true), figures.GetProperty("units.places").GetDecimal());
        Assert.Equal(Demo(p => p.Kind == PlaceKind.ResidentialArea), figures.GetProperty("units.places.residentialArea").GetDecimal());
        Assert.Equal(Demo(p => p.Kind == PlaceKind.School), figures.GetProperty("units.places.school").GetDecimal());
        Assert.Equal(Demo(p => p.Kind == PlaceKind.Agency), figures.GetProperty("units.places.agency").GetDecimal());
        Assert.Equal(Demo(p => p.Kind == PlaceKind.Enterprise), figures.GetProperty("units.places.enterprise").GetDecimal());
    }

    [Fact]
    public async Task Current_HaiPhong2020_RollsUpAllOfNamSach()
    {
        var figures = await FiguresAsync("unit=31&year=2020&tree=current");
        Assert.Equal(114, figures.GetProperty("units.communes").GetDecimal());
        Assert.Equal(Demo(_ => true), figures.GetProperty("units.places").GetDecimal());
    }

    [Fact]
    public async Task Current_XaTranPhu2020_CoversTheFive2021CommunesItWasMadeFrom()
    {
        string[] madeFrom = ["10618", "10621", "10624", "10627", "10633"];
        var figures = await FiguresAsync("unit=10633&year=2020&tree=current");
        Assert.Equal(1, figures.GetProperty("units.communes").GetDecimal());
        Assert.Equal(Demo(p => madeFrom.Contains(p.CommuneCode)), figures.GetProperty("units.places").GetDecimal());
    }

    [Fact]
    public async Task Current_SplitCommune_CountsOnlyUnderItsPrimarySuccessor()
    {
        // Cộng Hòa (10639) was split three ways; its places roll up once, into An Phú (10645), the primary successor.
        var anPhu = await FiguresAsync("unit=10645&year=2020&tree=current");
        var laiKhe = await FiguresAsync("unit=10756&year=2020&tree=current");
        Assert.Equal(Demo(p => p.CommuneCode is "10630" or "10645" or "10648" or "10639"), anPhu.GetProperty("units.places").GetDecimal());
        Assert.Equal(0, laiKhe.GetProperty("units.places").GetDecimal());
    }

    [Fact]
    public async Task Figures_MoveWhenARecordIsAdded()
    {
        var before = (await FiguresAsync("unit=10666&year=2020")).GetProperty("units.places.agency").GetDecimal();
        var place = Place.Create("10666", new PlaceDetails(PlaceKind.Agency, "Bưu điện văn hóa xã Minh Tân", null, null, null, null, false, new DateOnly(2020, 5, 1), null), DateTime.UtcNow).Value;
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            db.Places.Add(place);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        try
        {
            var after = (await FiguresAsync("unit=10666&year=2020")).GetProperty("units.places.agency").GetDecimal();
            Assert.Equal(before + 1, after);

            // Not yet there at the end of 2019.
            Assert.Equal(before, (await FiguresAsync("unit=10666&year=2019")).GetProperty("units.places.agency").GetDecimal());
        }
        finally
        {
            // Tests of a class share one database: leave it as the demo made it.
            await using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            await db.Places.Where(p => p.Id == place.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData("unit=291&year=2020&tree=current", HttpStatusCode.NotFound, "tree=historic")]
    [InlineData("unit=2910&year=2020", HttpStatusCode.BadRequest, "mã đơn vị")]
    [InlineData("year=2020", HttpStatusCode.BadRequest, "mã đơn vị")]
    [InlineData("unit=291&year=abc", HttpStatusCode.BadRequest, "năm báo cáo")]
    [InlineData("unit=291&year=1990", HttpStatusCode.BadRequest, "Năm báo cáo phải")]
    [InlineData("unit=291&year=2099", HttpStatusCode.BadRequest, "Năm báo cáo phải")]
    [InlineData("unit=291&year=2020&tree=both", HttpStatusCode.BadRequest, "historic")]
    [InlineData("unit=99999&year=2020", HttpStatusCode.NotFound, "Không có đơn vị")]
    public async Task BadQuery_IsAClearProblem(string query, HttpStatusCode status, string fragment)
    {
        using var client = Factory.CreateClient().As(Reader);
        var response = await client.GetAsync("/api/reports/annual?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(fragment, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_NamesTheUnitAndTheTreeDate()
    {
        using var client = Factory.CreateClient().As(Reader);
        var json = await client.GetFromJsonAsync<JsonElement>("/api/reports/annual?unit=291&year=2020", TestContext.Current.CancellationToken);
        Assert.Equal("Huyện Nam Sách", json.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("historic", json.GetProperty("tree").GetString());
        Assert.Equal("2020-12-31", json.GetProperty("treeAsOf").GetString());
    }

    [Fact]
    public async Task Anonymous_Gets401Problem()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync("/api/reports/annual?unit=291&year=2020", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RoleWithoutThePermission_Gets403()
    {
        using var client = Factory.CreateClient().As("PortalEditor@291");
        var response = await client.GetAsync("/api/reports/annual?unit=291&year=2020", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("CommunePolice@10606", "unit=10606&year=2020", HttpStatusCode.OK)]
    [InlineData("CommunePolice@10606", "unit=10639&year=2020", HttpStatusCode.NotFound)]
    [InlineData("CommunePolice@10606", "unit=291&year=2020", HttpStatusCode.NotFound)]
    [InlineData("DistrictPolice@291", "unit=10639&year=2020", HttpStatusCode.OK)]
    [InlineData("DistrictPolice@291", "unit=292&year=2020", HttpStatusCode.NotFound)]
    [InlineData("ProvincePolice@31", "unit=10633&year=2020&tree=current", HttpStatusCode.OK)]
    [InlineData("ProvincePolice@31", "unit=291&year=2020", HttpStatusCode.OK)]
    [InlineData("ProvincePolice@01", "unit=291&year=2020", HttpStatusCode.NotFound)]
    [InlineData("SystemAdministrator@VN", "unit=01&year=2020", HttpStatusCode.OK)]
    public async Task OutOfScope_IsNotFound(string assignments, string query, HttpStatusCode expected)
    {
        using var client = Factory.CreateClient().As(assignments);
        var response = await client.GetAsync("/api/reports/annual?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }
}

public sealed class AnnualReportApiTestsOnSqlite(SqliteDemoApp app) : AnnualReportApiTests(app), IClassFixture<SqliteDemoApp>;

public sealed class AnnualReportApiTestsOnPostgreSql(PostgreSqlDemoApp app) : AnnualReportApiTests(app), IClassFixture<PostgreSqlDemoApp>;

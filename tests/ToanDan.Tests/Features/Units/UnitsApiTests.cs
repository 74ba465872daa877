using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.Units;

/// <summary>The read-only units API over the imported national catalogues (same tests on SQLite and PostgreSQL).</summary>
public abstract class UnitsApiTests(AppFixture app) : AppTests(app)
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static List<string> Codes(JsonElement units) => units.EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task Children_NamSachBefore2025_Has15UnderHaiDuong()
    {
        var json = await GetJsonAsync("/api/units?asOf=2025-06-30&parent=291");
        var units = json.GetProperty("units");
        Assert.Equal(15, units.GetArrayLength());
        var detail = await GetJsonAsync("/api/units/291?asOf=2025-06-30");
        Assert.Equal("Huyện Nam Sách", detail.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("Tỉnh Hải Dương", detail.GetProperty("parents")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Children_NamSachIn2021_Has19()
    {
        var json = await GetJsonAsync("/api/units?asOf=2021-07-01&parent=291");
        var codes = Codes(json.GetProperty("units"));
        Assert.Equal(19, codes.Count);
        Assert.Contains("10624", codes);
        Assert.Contains("10651", codes);
        var quocTuan = json.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "10624");
        Assert.Equal("Xã Quốc Tuấn", quocTuan.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unit_XaNamSach2025_IsUnderHaiPhongAndListsWhatItWasMadeFrom()
    {
        var json = await GetJsonAsync("/api/units/10606?asOf=2025-07-01");
        Assert.Equal("Xã Nam Sách", json.GetProperty("unit").GetProperty("name").GetString());
        var parents = json.GetProperty("parents");
        Assert.Equal(1, parents.GetArrayLength());
        Assert.Equal("31", parents[0].GetProperty("code").GetString());
        Assert.Equal("Thành phố Hải Phòng", parents[0].GetProperty("name").GetString());

        var predecessors = json.GetProperty("predecessors");
        var direct = predecessors.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("effectiveOn").GetString() == "2025-07-01")
            .Select(l => l.GetProperty("fromCode").GetString()).Order().ToList();
        Assert.Equal(["10606", "10654", "10657"], direct);

        // Back to 2021: the town, Nam Hồng (merged into the town on 1 December 2024), Hồng Phong, Đồng Lạc.
        Assert.Equal(["10606", "10651", "10654", "10657"], Codes(predecessors.GetProperty("units")));
    }

    [Fact]
    public async Task Unit_CongHoa_ShowsItsThreeSuccessors()
    {
        var json = await GetJsonAsync("/api/units/10639?asOf=2021-07-01");
        var successors = json.GetProperty("successors");
        Assert.Equal(["10645", "10705", "10756"], Codes(successors.GetProperty("units")));
        var links = successors.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(3, links.Count);
        Assert.All(links, l => Assert.Equal("part", l.GetProperty("share").GetString()));
        Assert.Single(links, l => l.GetProperty("isPrimary").GetBoolean());
    }

    [Fact]
    public async Task Unit_QuocTuan2021_BecameTranPhuThroughTwoReorganisations()
    {
        var json = await GetJsonAsync("/api/units/10624?asOf=2021-07-01");
        var successors = json.GetProperty("successors");
        var links = successors.GetProperty("links").EnumerateArray()
            .Select(l => (l.GetProperty("effectiveOn").GetString(), l.GetProperty("toCode").GetString())).ToList();
        Assert.Equal([("2025-03-01", "10621"), ("2025-07-01", "10633")], links);
        Assert.Equal(["10633"], Codes(successors.GetProperty("units")));
        Assert.Equal("Xã Trần Phú", successors.GetProperty("units")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Children_WithoutParent_AreTheProvincesOfTheDate()
    {
        Assert.Equal(63, (await GetJsonAsync("/api/units?asOf=2021-07-01")).GetProperty("units").GetArrayLength());
        Assert.Equal(34, (await GetJsonAsync("/api/units?asOf=2025-07-01")).GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsNamSach()
    {
        var json = await GetJsonAsync("/api/units?asOf=2021-07-01&q=nam%20sach");
        var codes = Codes(json.GetProperty("units"));
        Assert.Contains("291", codes);
        Assert.Contains("10606", codes);
    }

    [Theory]
    [InlineData("/api/units?asOf=2021-13-01", "asOf")]
    [InlineData("/api/units?parent=abc", "parent")]
    [InlineData("/api/units/1234", "code")]
    [InlineData("/api/units/10606?asOf=yesterday", "asOf")]
    public async Task BadInput_Returns400ProblemInVietnamese(string url, string parameter)
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains("không hợp lệ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUnitOnDate_Returns404WithItsKnownPeriods()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync("/api/units/10624?asOf=2025-07-01", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("Xã Quốc Tuấn", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_CarriesReadableVietnamese()
    {
        using var client = Factory.CreateClient();
        var body = await client.GetStringAsync("/api/units/291?asOf=2021-07-01", TestContext.Current.CancellationToken);
        Assert.Contains("Huyện Nam Sách", body, StringComparison.Ordinal);
    }
}

public sealed class UnitsApiTestsOnSqlite(SqliteDemoApp app) : UnitsApiTests(app), IClassFixture<SqliteDemoApp>;

public sealed class UnitsApiTestsOnPostgreSql(PostgreSqlDemoApp app) : UnitsApiTests(app), IClassFixture<PostgreSqlDemoApp>;

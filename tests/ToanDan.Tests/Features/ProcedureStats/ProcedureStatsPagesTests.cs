using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.ProcedureStats;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.ProcedureStats;

/// <summary>The staff pages of ProcedureStats over the demo data: list, add/edit a period, import, scope.</summary>
public abstract class ProcedureStatsPagesTests(AppFixture app) : AppTests(app)
{
    private const string Officer = "CommunePolice@10606";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string user = Officer) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).As(user);

    private async Task<ProcedurePeriod?> StoredAsync(string unit, int year, int month)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ToanDanDb>().ProcedurePeriods.AsNoTracking()
            .SingleOrDefaultAsync(p => p.UnitCode == unit && p.Year == year && p.Month == month, Ct);
    }

    private async Task RemoveAsync(string unit, int year)
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<ToanDanDb>().ProcedurePeriods
            .Where(p => p.UnitCode == unit && p.Year == year).ExecuteDeleteAsync(Ct);
    }

    private static async Task<HttpResponseMessage> PostPeriodAsync(HttpClient client, string url, params (string Field, string Value)[] values)
    {
        var form = await Html.GetAsync(client, url);
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        foreach (var (field, value) in values)
        {
            fields.Set("Input." + field, value);
        }

        return await Html.PostAsync(client, url, fields);
    }

    [Fact]
    public async Task List_ShowsTheDemoPeriodsNewestFirst()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/procedure-stats?unit=10606");
        var rows = page.QuerySelectorAll("main table tbody tr");
        Assert.Equal(20, rows.Length);
        Assert.Equal("8/2021", rows[0].QuerySelector("td")!.TextContent.Trim());
        var demo = PortalDemo.Figures(0, 19);
        Assert.Equal(demo.Processed.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0].QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task AddThenEdit_SavesTheCountersAndShowsTheLatePercent()
    {
        using var client = Client();
        try
        {
            var created = await PostPeriodAsync(client, "/staff/procedure-stats/10606/2019/3",
                ("Received", "12"), ("Processed", "8"), ("OnTimeOrEarly", "7"), ("Late", "1"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var stored = await StoredAsync("10606", 2019, 3);
            Assert.NotNull(stored);
            Assert.Equal((12, 8, 7, 1, 1), (stored.Received, stored.Processed, stored.OnTimeOrEarly, stored.Late, stored.Version));

            var list = await Html.GetAsync(client, "/staff/procedure-stats?unit=10606");
            var row = list.QuerySelectorAll("main table tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "3/2019");
            Assert.Equal("13%", row.QuerySelectorAll("td")[5].TextContent.Trim());

            var edited = await PostPeriodAsync(client, "/staff/procedure-stats/10606/2019/3", ("Processed", "0"), ("OnTimeOrEarly", "0"), ("Late", "0"));
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
            Assert.Equal(2, (await StoredAsync("10606", 2019, 3))!.Version);
            list = await Html.GetAsync(client, "/staff/procedure-stats?unit=10606");
            row = list.QuerySelectorAll("main table tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "3/2019");
            Assert.Equal("—", row.QuerySelectorAll("td")[5].TextContent.Trim());
        }
        finally
        {
            await RemoveAsync("10606", 2019);
        }
    }

    [Fact]
    public async Task BadInput_IsRedisplayedWithVietnameseFieldErrors_AndNothingIsSaved()
    {
        using var client = Client();
        var response = await PostPeriodAsync(client, "/staff/procedure-stats/10606/2019/4",
            ("Received", "5"), ("Processed", "5"), ("OnTimeOrEarly", "3"), ("Late", "-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var errors = Html.Texts(page, ".errors li");
        Assert.Contains("Số hồ sơ trễ hạn không được âm.", errors);
        Assert.Equal("Số hồ sơ trễ hạn không được âm.", page.QuerySelector("[data-valmsg-for='Input.Late']")!.TextContent.Trim());
        Assert.Null(await StoredAsync("10606", 2019, 4));

        response = await PostPeriodAsync(client, "/staff/procedure-stats/10606/2019/4",
            ("Received", "5"), ("Processed", "5"), ("OnTimeOrEarly", "3"), ("Late", "1"));
        page = await Html.ParseAsync(response);
        Assert.Contains("phải bằng số trước và đúng hạn (3) cộng số trễ hạn (1)", page.QuerySelector("[data-valmsg-for='Input.Processed']")!.TextContent, StringComparison.Ordinal);

        response = await PostPeriodAsync(client, "/staff/procedure-stats/10606/2019/4", ("Received", ""), ("Late", "abc"));
        page = await Html.ParseAsync(response);
        Assert.Contains("Hãy nhập số hồ sơ tiếp nhận.", Html.Texts(page, ".errors li"));
        Assert.Null(await StoredAsync("10606", 2019, 4));
    }

    [Fact]
    public async Task StaleVersion_IsRefused()
    {
        using var client = Client();
        var url = "/staff/procedure-stats/10606/2020/1";
        var form = await Html.GetAsync(client, url);
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        var before = (await StoredAsync("10606", 2020, 1))!;
        fields.Set("Input.Version", (before.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        fields.Set("Input.Received", "999");
        var response = await Html.PostAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SaveProcedurePeriod.StaleMessage, Html.Texts(await Html.ParseAsync(response), ".errors li"));
        Assert.Equal(before.Received, (await StoredAsync("10606", 2020, 1))!.Received);
    }

    [Theory]
    [InlineData("/staff/procedure-stats?unit=10606")]
    [InlineData("/staff/procedure-stats/10606/2020/1")]
    [InlineData("/staff/procedure-stats/10606/2019/5")]
    [InlineData("/staff/procedure-stats/99999/2020/1")]
    public async Task OtherCommunesOfficer_GetsNotFound(string url)
    {
        using var client = Client("CommunePolice@10639");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task OtherCommunesOfficer_CannotPostIntoIt()
    {
        using var own = Client("CommunePolice@10639");
        var form = await Html.GetAsync(own, "/staff/procedure-stats/10639/2020/1");
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        fields.Set("Input.Received", "777");
        var response = await Html.PostAsync(own, "/staff/procedure-stats/10606/2020/1", fields);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(777, (await StoredAsync("10606", 2020, 1))!.Received);
    }

    [Theory]
    [InlineData("/staff/procedure-stats/10606/2020/13")]
    [InlineData("/staff/procedure-stats/10606/2099/1")]
    public async Task ImpossiblePeriod_IsNotFound(string url)
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var page = await Html.GetAsync(client, "/staff/procedure-stats/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "tthc.csv" },
        };
        return await client.PostAsync("/staff/procedure-stats/import", form, Ct);
    }

    [Fact]
    public async Task Import_SavesEveryRow_OrNoneWhenOneIsWrong()
    {
        using var client = Client();
        try
        {
            var bad = await UploadAsync(client, "unit,year,month,received,processed,onTimeOrEarly,late\n10606,2019,6,5,5,5,0\n10606,2019,7,5,5,4,0\n");
            var page = await Html.ParseAsync(bad);
            Assert.Contains(Html.Texts(page, ".errors li"), t => t.StartsWith("Dòng 3:", StringComparison.Ordinal) && t.Contains("phải bằng", StringComparison.Ordinal));
            Assert.Null(await StoredAsync("10606", 2019, 6));

            var outOfScope = await UploadAsync(client, "unit,year,month,received,processed,onTimeOrEarly,late\n10639,2019,6,5,5,5,0\n");
            Assert.Contains(Html.Texts(await Html.ParseAsync(outOfScope), ".errors li"), t => t.Contains("phạm vi", StringComparison.Ordinal));
            Assert.Null(await StoredAsync("10639", 2019, 6));

            var good = await UploadAsync(client, "\uFEFFUnit,Year,Month,Received,Processed,OnTimeOrEarly,Late\r\n10606,2019,6,5,5,5,0\r\n10606,2019,7,6,4,3,1\r\n");
            Assert.Contains("Đã lưu 2 kỳ", (await Html.ParseAsync(good)).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(1, (await StoredAsync("10606", 2019, 7))!.Late);
        }
        finally
        {
            await RemoveAsync("10606", 2019);
        }
    }
}

public sealed class ProcedureStatsPagesTestsOnSqlite(SqliteDemoApp app) : ProcedureStatsPagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ProcedureStatsPagesTestsOnPostgreSql(PostgreSqlDemoApp app) : ProcedureStatsPagesTests(app), IClassFixture<PostgreSqlDemoApp>;

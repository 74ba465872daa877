using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.ProcedureStats;

/// <summary>The ProcedureStats staff pages in English after /ngon-ngu?lang=en: interface text translated, unit names as they are.</summary>
public abstract class ProcedureStatsPagesEnglishTests(AppFixture app) : AppTests(app)
{
    private HttpClient Client() => Factory.CreateClient().As("CommunePolice@10606");

    private static async Task EnglishAsync(HttpClient client) =>
        Assert.Equal("en", (await Html.GetAsync(client, "/ngon-ngu?lang=en&returnUrl=%2F")).DocumentElement.GetAttribute("lang"));

    private static string MainText(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task Index_Period_AndImport_AreInEnglish()
    {
        using var client = Client();
        await EnglishAsync(client);

        var index = await Html.GetAsync(client, "/staff/procedure-stats?unit=10606");
        Assert.Equal("Administrative procedure results", index.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Period", "Received", "Processed", "Early or on time", "Late", "Late rate", ""], Html.Texts(index, "main table th"));
        Assert.Contains("Import from a CSV file", MainText(index), StringComparison.Ordinal);
        Assert.Contains("(code 10606)", MainText(index), StringComparison.Ordinal);
        Assert.DoesNotContain("Tiếp nhận", MainText(index), StringComparison.Ordinal);

        var period = await Html.GetAsync(client, "/staff/procedure-stats/10606/2020/1");
        Assert.StartsWith("Edit administrative procedure results for 1/2020", period.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Dossiers received", "Dossiers processed", "Early or on time", "Late"], Html.Texts(period, "main form label"));
        Assert.DoesNotContain("Số hồ sơ", MainText(period), StringComparison.Ordinal);

        var import = await Html.GetAsync(client, "/staff/procedure-stats/import");
        Assert.Equal("Import administrative procedure results from a CSV file", import.QuerySelector("main h1")!.TextContent);
        Assert.Contains("one row per unit and month", MainText(import), StringComparison.Ordinal);
        Assert.DoesNotContain("Tệp CSV", MainText(import), StringComparison.Ordinal);
    }
}

public sealed class ProcedureStatsPagesEnglishTestsOnSqlite(SqliteDemoApp app) : ProcedureStatsPagesEnglishTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ProcedureStatsPagesEnglishTestsOnPostgreSql(PostgreSqlDemoApp app) : ProcedureStatsPagesEnglishTests(app), IClassFixture<PostgreSqlDemoApp>;

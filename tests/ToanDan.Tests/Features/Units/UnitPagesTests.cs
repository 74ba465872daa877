using System.Net;
using AngleSharp.Dom;
using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.Units;

/// <summary>The staff pages that browse and search the administrative tree (same tests on SQLite and PostgreSQL).</summary>
public abstract class UnitPagesTests(AppFixture app) : AppTests(app)
{
    private HttpClient Client() => Factory.CreateClient().As(TestUsers.NamSachOfficer);

    private static IElement Section(IParentNode page, string heading) =>
        page.QuerySelector($"section[aria-labelledby={heading}]") ?? throw new InvalidOperationException($"No section {heading}.");

    [Fact]
    public async Task Search_WithoutDiacritics_FindsDistrictAndTownOfNamSach()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units?asOf=2021-07-01&q=nam%20sach");

        Assert.Equal("Đơn vị hành chính", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("nam sach", page.QuerySelector("main input[name=q]")!.GetAttribute("value"));
        var links = page.QuerySelectorAll("tbody a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/staff/units/291?asOf=2021-07-01", links["Huyện Nam Sách"]);
        Assert.Equal("/staff/units/10606?asOf=2021-07-01", links["Thị trấn Nam Sách"]);
        var town = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Thị trấn Nam Sách", StringComparison.Ordinal));
        Assert.Equal(["10606", "Thị trấn Nam Sách", "thị trấn", "Huyện Nam Sách"], Html.Texts(town, "td"));
    }

    [Fact]
    public async Task Index_WithoutQuery_ListsTheProvincesOfTheDate()
    {
        using var client = Client();
        var today = await Html.GetAsync(client, "/staff/units");
        Assert.Equal(34, today.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("2026-11-29", today.QuerySelector("input[name=asOf]")!.GetAttribute("value"));

        var before = await Html.GetAsync(client, "/staff/units?asOf=2021-07-01");
        Assert.Equal(63, before.QuerySelectorAll("tbody tr").Length);
        Assert.Contains(before.QuerySelectorAll("tbody a"), a => a.TextContent == "Tỉnh Hải Dương" && a.GetAttribute("href") == "/staff/units/30?asOf=2021-07-01");
        var quick = before.QuerySelectorAll("nav.quick-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/staff/units?asOf=2021-07-01", "/staff/units?asOf=2025-06-30", "/staff/units?asOf=2026-11-29"], quick);
    }

    [Theory]
    [InlineData("/staff/units?asOf=2021-13-01")]
    [InlineData("/staff/units?asOf=yesterday&q=nam")]
    [InlineData("/staff/units/291?asOf=31-31-2021")]
    public async Task BadDate_ShowsVietnameseMessage(string url)
    {
        using var client = Client();
        var page = await Html.GetAsync(client, url, HttpStatusCode.BadRequest);
        Assert.Contains("không hợp lệ", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TooLong_ShowsVietnameseMessage()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units?q=" + new string('a', 101), HttpStatusCode.BadRequest);
        Assert.Contains("dài quá 100 ký tự", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_DissolvedDistrict_SaysItEndedWithoutSuccessor()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/291?asOf=2021-07-01");
        Assert.Contains("không còn từ ngày 01/07/2025", Section(page, "successors-heading").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_NamSach2021_Lists19ChildrenWithParentsAndLinks()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/291?asOf=2021-07-01");

        Assert.Equal("Huyện Nam Sách", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Đơn vị hành chính", "Tỉnh Hải Dương", "Huyện Nam Sách"], Html.Texts(page, ".breadcrumb li"));
        var children = Section(page, "children-heading");
        Assert.Contains("(19)", children.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(19, children.QuerySelectorAll("tbody tr").Length);
        Assert.Contains(children.QuerySelectorAll("a"), a => a.TextContent == "Xã Quốc Tuấn" && a.GetAttribute("href") == "/staff/units/10624?asOf=2021-07-01");
    }

    [Fact]
    public async Task Unit_NamSachJustBefore2025_Lists15Children()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/291?asOf=2025-06-30");
        var children = Section(page, "children-heading");
        Assert.Contains("(15)", children.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(15, children.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Unit_AnPhu_HistoryShowsBothNames()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/10645?asOf=2025-07-01");
        Assert.Equal("Xã An Phú", page.QuerySelector("h1")!.TextContent.Trim());
        var rows = Section(page, "history-heading").QuerySelectorAll("tbody tr").Select(r => Html.Texts(r, "td")).ToList();
        Assert.Equal(["Xã An Lâm", "Xã An Phú"], rows.Select(r => r[0]).Distinct());
        Assert.Equal(["Xã An Lâm", "xã", "Huyện Nam Sách", "trước danh mục đầu tiên"], rows[0][..4]);
        Assert.Equal(["Xã An Phú", "xã", "Thành phố Hải Phòng", "01/07/2025", "nay"], rows[^1]);

        // Periods follow each other: each one ends the day before the next starts.
        for (var i = 1; i < rows.Count; i++)
        {
            var end = DateOnly.ParseExact(rows[i - 1][4], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(end.AddDays(1), DateOnly.ParseExact(rows[i][3], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Unit_XaNamSach2025_ShowsWhatItWasFormedFrom()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/10606?asOf=2025-07-01");
        var formed = Section(page, "predecessors-heading");
        var rows = formed.QuerySelectorAll("tbody tr").Select(r => Html.Texts(r, "td")).ToList();
        Assert.Contains(["01/07/2025", "Xã Hồng Phong (10654)", "Xã Nam Sách (10606)", "toàn bộ"], rows);
        Assert.Contains(["01/07/2025", "Xã Đồng Lạc (10657)", "Xã Nam Sách (10606)", "toàn bộ"], rows);
        Assert.Contains(formed.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/staff/units/10654?asOf=2025-06-30");
        Assert.Contains("Không có thay đổi", Section(page, "successors-heading").TextContent, StringComparison.Ordinal);

        // A commune links to its places rather than listing children.
        Assert.NotNull(page.QuerySelector("a[href='/staff/units/10606/places?asOf=2025-07-01']"));
    }

    [Fact]
    public async Task Unit_CongHoa2021_BecameThreeUnitsWithOnePrimary()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/10639?asOf=2021-07-01");
        var became = Section(page, "successors-heading");
        var rows = became.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("một phần", r.QuerySelectorAll("td")[3].TextContent.Trim(), StringComparison.Ordinal));
        Assert.Single(rows, r => r.TextContent.Contains("đơn vị kế thừa chính", StringComparison.Ordinal));
        var targets = rows.Select(r => r.QuerySelectorAll("td")[2].QuerySelector("a")!.GetAttribute("href")).Order(StringComparer.Ordinal);
        Assert.Equal(["/staff/units/10645?asOf=2025-07-01", "/staff/units/10705?asOf=2025-07-01", "/staff/units/10756?asOf=2025-07-01"], targets);
        Assert.Contains("Không có thay đổi", Section(page, "predecessors-heading").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_NotOnDate_Returns404ListingItsPeriods()
    {
        using var client = Client();
        var page = await Html.GetAsync(client, "/staff/units/10624?asOf=2025-07-01", HttpStatusCode.NotFound);
        Assert.Contains("Không có đơn vị mã 10624 vào ngày 01/07/2025", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelectorAll("main li a").Single();
        Assert.Equal("Xã Quốc Tuấn", link.TextContent.Trim());

        // The link leads to a date on which the unit existed.
        var then = await Html.GetAsync(client, link.GetAttribute("href")!);
        Assert.Equal("Xã Quốc Tuấn", then.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/staff/units/1234")]
    [InlineData("/staff/units/abcde")]
    [InlineData("/staff/units/99999")]
    public async Task Unit_BadOrUnknownCode_Returns404(string url)
    {
        using var client = Client();
        var page = await Html.GetAsync(client, url, HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pages_UseNoInlineScriptOrStyle()
    {
        using var client = Client();
        foreach (var url in new[] { "/staff/units", "/staff/units/291?asOf=2021-07-01", "/staff/units/10606/places?asOf=2021-07-01", "/staff/units/10606/places/new", "/staff/places/import" })
        {
            var page = await Html.GetAsync(client, url);
            Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
            Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
            Assert.All(page.QuerySelectorAll("input:not([type=hidden]), select"), i => Assert.NotNull(page.QuerySelector($"label[for='{i.Id}']")));
        }
    }
}

public sealed class UnitPagesTestsOnSqlite(SqliteDemoApp app) : UnitPagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class UnitPagesTestsOnPostgreSql(PostgreSqlDemoApp app) : UnitPagesTests(app), IClassFixture<PostgreSqlDemoApp>;

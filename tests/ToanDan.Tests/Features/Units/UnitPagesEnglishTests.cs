using AngleSharp.Dom;
using ToanDan.Tests.Infrastructure;

namespace ToanDan.Tests.Features.Units;

/// <summary>
/// The Units staff pages in English, after /ngon-ngu?lang=en: interface text is translated, unit and place kinds too,
/// while data (unit and place names) stays as it is (same tests on SQLite and PostgreSQL).
/// </summary>
public abstract class UnitPagesEnglishTests(AppFixture app) : AppTests(app)
{
    private static string MainText(IParentNode page) => page.QuerySelector("main")?.TextContent ?? throw new InvalidOperationException("No main.");

    private static IElement Section(IParentNode page, string heading) =>
        page.QuerySelector($"section[aria-labelledby={heading}]") ?? throw new InvalidOperationException($"No section {heading}.");

    private static void NoVietnamese(string text, params string[] words)
    {
        foreach (var word in words)
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }
    }

    private HttpClient Client() => Factory.CreateClient().As(TestUsers.NamSachOfficer);

    /// <summary>Switches the client's language cookie to English and returns <paramref name="returnUrl"/>, where the switch goes back to.</summary>
    private static async Task<IParentNode> EnglishAsync(HttpClient client, string returnUrl)
    {
        var page = await Html.GetAsync(client, "/ngon-ngu?lang=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        return page;
    }

    [Fact]
    public async Task Index_InEnglish_TranslatesHeadingsLabelsAndKinds()
    {
        using var client = Client();
        var page = await EnglishAsync(client, "/staff/units?asOf=2021-07-01");

        Assert.Equal("Administrative units", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Provinces and centrally governed cities as of 01/07/2021 (63)", page.QuerySelector("main h2")!.TextContent.Trim());
        Assert.Equal(["Find unit", "As of"], Html.Texts(page, "main form[role=search] label"));
        Assert.Equal("Show", page.QuerySelector("main form[role=search] button")!.TextContent.Trim());
        Assert.Equal(["Code", "Name", "Type"], Html.Texts(page, "thead th"));
        Assert.Equal("30/06/2025 (before districts were abolished)", Html.Texts(page, "nav.quick-links a")[1]);
        var province = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Tỉnh Hải Dương", StringComparison.Ordinal));
        Assert.Equal(["30", "Tỉnh Hải Dương", "province"], Html.Texts(province, "td"));
        NoVietnamese(MainText(page), "Vào ngày", "Tỉnh, thành phố", "Xem nhanh", "Loại", "Nhập địa bàn");

        var search = await Html.GetAsync(client, "/staff/units?asOf=2021-07-01&q=nam%20sach");
        var town = search.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Thị trấn Nam Sách", StringComparison.Ordinal));
        Assert.Equal(["10606", "Thị trấn Nam Sách", "township", "Huyện Nam Sách"], Html.Texts(town, "td"));
        Assert.StartsWith("Results for “nam sach” as of 01/07/2021", search.QuerySelector("main h2")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["Code", "Name", "Type", "Parent unit"], Html.Texts(search, "thead th"));

        // Back to Vietnamese with the same cookie.
        var vietnamese = await Html.GetAsync(client, "/ngon-ngu?lang=vi&returnUrl=" + Uri.EscapeDataString("/staff/units?asOf=2021-07-01"));
        Assert.Equal("Đơn vị hành chính", vietnamese.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unit_InEnglish_TranslatesSectionsHistoryAndSuccession()
    {
        using var client = Client();
        var page = await EnglishAsync(client, "/staff/units/291?asOf=2021-07-01");

        Assert.Equal("Huyện Nam Sách", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Code 291 · district · as of 01/07/2021", page.QuerySelector("p.lead")!.TextContent.Trim());
        Assert.Equal(["Administrative units", "Tỉnh Hải Dương", "Huyện Nam Sách"], Html.Texts(page, ".breadcrumb li"));

        var children = Section(page, "children-heading");
        Assert.Equal("Subordinate units (19)", children.QuerySelector("h2")!.TextContent.Trim());
        var town = children.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Thị trấn Nam Sách", StringComparison.Ordinal));
        Assert.Equal(["10606", "Thị trấn Nam Sách", "township"], Html.Texts(town, "td"));

        var history = Section(page, "history-heading");
        Assert.Equal("History", history.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["Name", "Type", "Parent unit", "From", "Until (inclusive)"], Html.Texts(history, "thead th"));
        Assert.Equal(["Huyện Nam Sách", "district", "Tỉnh Hải Dương"], Html.Texts(history.QuerySelector("tbody tr")!, "td")[..3]);

        Assert.Equal("Formed from", Section(page, "predecessors-heading").QuerySelector("h2")!.TextContent.Trim());
        var successors = Section(page, "successors-heading");
        Assert.Equal("Became", successors.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("ceased to exist on 01/07/2025 and no successor is recorded", successors.TextContent, StringComparison.Ordinal);

        NoVietnamese(MainText(page), "Mã ", "vào ngày", "Đơn vị trực thuộc", "Lịch sử", "Hình thành từ", "Trở thành", "huyện", "thị trấn", "trước danh mục", "Không có thay đổi");
    }

    [Fact]
    public async Task Places_InEnglish_TranslatesFilterTableAndPlaceKinds()
    {
        using var client = Client();
        var page = await EnglishAsync(client, "/staff/units/10606/places?asOf=2021-07-01");

        Assert.Equal("Places of Thị trấn Nam Sách", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Residential area: 10", "Agency: 5", "Enterprise: 2", "School: 6"], Html.Texts(page, "ul.counts a"));
        Assert.Equal(["All types", "Residential area", "Agency", "Enterprise", "School"], Html.Texts(page, "select[name=kind] option"));
        Assert.Equal(["Search by name", "Type", "As of", "All (including places no longer valid)"], Html.Texts(page, "main form[role=search] label"));
        Assert.Equal(["Name", "Type", "Subtype", "Size / school level", "Address", "Validity", "Actions"], Html.Texts(page, "thead th"));
        var school = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Trường THPT Mạc Đĩnh Chi", StringComparison.Ordinal));
        Assert.Equal(["Trường THPT Mạc Đĩnh Chi", "School", "", "Upper secondary", "", "from 01/01/2019 to date", "Edit Trường THPT Mạc Đĩnh Chi"], Html.Texts(school, "td"));
        Assert.Contains(Html.Texts(page, "p.actions a"), a => a == "Add place");
        Assert.Contains(Html.Texts(page, "tbody td"), t => t.StartsWith("Size: ", StringComparison.Ordinal));

        var chrome = string.Concat(Html.Texts(page, "main form[role=search], thead, ul.counts, p.actions, nav.breadcrumb, .breadcrumb"));
        NoVietnamese(chrome, "Loại", "Tên", "Hiệu lực", "Vào ngày", "Tìm theo tên", "Tất cả", "Thêm địa bàn", "Khu dân cư", "Cơ sở giáo dục", "Đơn vị hành chính");
        NoVietnamese(string.Concat(Html.Texts(page, "tbody td:nth-child(2), tbody td:nth-child(4), tbody td:nth-child(6)")), "Cơ quan", "Doanh nghiệp", "Trung học", "Quy mô", "từ ", "đến nay");
    }

    [Fact]
    public async Task PlaceFormAndImport_InEnglish_TranslateLabelsOptionsAndHelp()
    {
        using var client = Client();
        var form = await EnglishAsync(client, "/staff/units/10606/places/new");
        Assert.Equal("Add a place to Xã Nam Sách", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(
            ["Type", "Name", "Subtype", "Address", "Enterprise size", "School level", "Part of the armed forces", "Valid from", "Ended on"],
            Html.Texts(form, ".form-grid label"));
        Assert.Equal(["— Choose a type —", "Residential area", "Agency", "Enterprise", "School"], Html.Texts(form, "select[name='Input.Kind'] option"));
        Assert.Equal(["— Not applicable —", "Micro", "Small", "Medium", "Large"], Html.Texts(form, "select[name='Input.EnterpriseSize'] option"));
        Assert.Contains("Upper secondary", Html.Texts(form, "select[name='Input.SchoolLevel'] option"));
        NoVietnamese(string.Concat(Html.Texts(form, "main form")), "Loại", "Tên", "Chỉ với", "Ngày", "Lưu", "Hủy", "Không áp dụng");

        var import = await Html.GetAsync(client, "/staff/places/import");
        Assert.Equal("Import places from a file", import.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Column header (Vietnamese)", "English name", "Required", "Values"], Html.Texts(import, "section[aria-labelledby=columns-heading] thead th"));
        var kind = import.QuerySelectorAll("section[aria-labelledby=columns-heading] tbody tr").Single(r => r.TextContent.Contains("kind", StringComparison.Ordinal));
        Assert.Equal("yes", Html.Texts(kind, "td")[2]);
        Assert.Contains("Upload a file", Html.Texts(import, "main h2"));
    }
}

public sealed class UnitPagesEnglishTestsOnSqlite(SqliteDemoApp app) : UnitPagesEnglishTests(app), IClassFixture<SqliteDemoApp>;

public sealed class UnitPagesEnglishTestsOnPostgreSql(PostgreSqlDemoApp app) : UnitPagesEnglishTests(app), IClassFixture<PostgreSqlDemoApp>;

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Staff;

namespace ToanDan.Tests.Features.Units;

/// <summary>A commune's places: list, filters, exports, and the add and edit forms (same tests on SQLite and PostgreSQL).</summary>
public abstract class PlacePagesTests(AppFixture app) : AppTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CountPlacesAsync(string commune)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Places.CountAsync(p => p.CommuneCode == commune, Ct);
    }

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    /// <summary>Opens the add form of a commune, fills it and posts it with the form's own antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostNewAsync(HttpClient client, string commune, params (string Field, string Value)[] values)
    {
        var form = await Html.GetAsync(client, $"/staff/units/{commune}/places/new");
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        foreach (var (field, value) in values)
        {
            fields.Set("Input." + field, value);
        }

        return await Html.PostAsync(client, $"/staff/units/{commune}/places/new", fields);
    }

    [Fact]
    public async Task Places_AsOf2021_CountsEachKindAndFilters()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var page = await Html.GetAsync(client, "/staff/units/10606/places?asOf=2021-07-01");

        Assert.Equal("Địa bàn của Thị trấn Nam Sách", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Khu dân cư: 10", "Cơ quan: 5", "Doanh nghiệp: 2", "Cơ sở giáo dục: 6"], Html.Texts(page, "ul.counts a"));
        Assert.Equal(23, Names(page).Count);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Trường THPT Mạc Đĩnh Chi", StringComparison.Ordinal));
        Assert.Equal(["Trường THPT Mạc Đĩnh Chi", "Cơ sở giáo dục", "", "Trung học phổ thông", "", "từ 01/01/2019 đến nay"], Html.Texts(row, "td").Take(6));
        Assert.Matches("^/staff/places/[0-9a-f-]{36}/edit$", row.QuerySelector("a")!.GetAttribute("href")!);

        // Natural order: number 2 before number 10.
        var areas = Names(page).Where(n => n.StartsWith("Khu dân cư số", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Khu dân cư số 1", "Khu dân cư số 2"], areas.Take(2));
        Assert.Equal("Khu dân cư số 10", areas[^1]);

        var schools = await Html.GetAsync(client, "/staff/units/10606/places?asOf=2021-07-01&kind=school");
        Assert.Equal(6, Names(schools).Count);
        Assert.Equal("school", schools.QuerySelector("select[name=kind] option[selected]")!.GetAttribute("value"));

        var search = await Html.GetAsync(client, "/staff/units/10606/places?asOf=2021-07-01&q=mac%20dinh%20chi");
        Assert.Equal(["Trường THPT Mạc Đĩnh Chi"], Names(search));
        var byLabel = await Html.GetAsync(client, "/staff/units/10606/places?asOf=2021-07-01&q=THPT&kind=C%C6%A1%20s%E1%BB%9F%20gi%C3%A1o%20d%E1%BB%A5c");
        Assert.Equal(2, Names(byLabel).Count);

        var before = await Html.GetAsync(client, "/staff/units/10606/places?asOf=2018-12-31");
        Assert.Empty(Names(before));
    }

    [Fact]
    public async Task Places_All_IncludesEndedPlaces()
    {
        await using (var scope = Scope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<AddPlace.Handler>().HandleAsync(new AddPlace.Command
            {
                CommuneCode = "10615",
                Kind = PlaceKind.ResidentialArea,
                Name = "Thôn Cũ",
                ValidFrom = new(2019, 1, 1),
                ValidTo = new(2020, 1, 1),
            }, Ct);
            Assert.True(added.IsSuccess);
        }

        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var current = await Html.GetAsync(client, "/staff/units/10615/places?asOf=2021-07-01");
        Assert.DoesNotContain("Thôn Cũ", Names(current));
        var all = await Html.GetAsync(client, "/staff/units/10615/places?all=true&q=thon%20cu");
        var row = all.QuerySelectorAll("tbody tr").Single();
        Assert.Contains("từ 01/01/2019 đến hết 31/12/2019", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(all.QuerySelector("input[name=all][checked]"));
    }

    [Theory]
    [InlineData("/staff/units/10606/places?kind=market", "Loại địa bàn “market” không hợp lệ")]
    [InlineData("/staff/units/10606/places?asOf=2021-02-30", "không hợp lệ")]
    public async Task Places_BadFilter_ShowsVietnameseMessage(string url, string message)
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var page = await Html.GetAsync(client, url, HttpStatusCode.BadRequest);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/units/291/places")]
    [InlineData("/staff/units/30/places")]
    [InlineData("/staff/units/99999/places")]
    [InlineData("/staff/units/291/places/new")]
    [InlineData("/staff/units/291/places/export?format=csv")]
    [InlineData("/staff/places/00000000-0000-0000-0000-000000000000/edit")]
    public async Task NotACommuneOrUnknown_Returns404(string url)
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Places_OfMergedCommuneToday_SaysItNoLongerExists()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var page = await Html.GetAsync(client, "/staff/units/10624/places");
        Assert.Contains("Xã Quốc Tuấn không tồn tại vào ngày 29/11/2026", page.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_IsUtf8WithBomAndReadsBackAsTheList()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await client.GetAsync("/staff/units/10609/places/export?format=csv&asOf=2021-07-01", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("dia-ban-10609-20210701.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var file = ImportPlaces.Parse("export.csv", bytes);
        Assert.Empty(file.FileErrors);
        Assert.Equal(12, file.Rows.Count);
        Assert.All(file.Rows, r => Assert.True(r.IsValid));
        Assert.Contains(file.Rows, r => r.Candidate!.Details is { Kind: PlaceKind.ResidentialArea, Name: "Thôn Đoài", Subtype: "thôn" });
        Assert.Contains(file.Rows, r => r.Candidate!.Details is { Kind: PlaceKind.Enterprise, EnterpriseSize: EnterpriseSize.Small });
        Assert.All(file.Rows, r => Assert.Equal("10609", r.Candidate!.CommuneCode));
    }

    [Fact]
    public async Task Export_Xlsx_FollowsTheFiltersAndReadsBack()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await client.GetAsync("/staff/units/10606/places/export?format=xlsx&asOf=2021-07-01&kind=school", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var file = ImportPlaces.Parse("export.xlsx", await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(file.FileErrors);
        Assert.Equal(6, file.Rows.Count);
        Assert.All(file.Rows, r => Assert.Equal(PlaceKind.School, r.Candidate!.Details.Kind));
        Assert.Contains(file.Rows, r => r.Candidate!.Details is { Name: "Trường THPT Mạc Đĩnh Chi", SchoolLevel: SchoolLevel.UpperSecondary, ValidFrom.Year: 2019 });
    }

    [Fact]
    public async Task Export_BadFormat_Returns400InVietnamese()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await client.GetAsync("/staff/units/10606/places/export?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không hợp lệ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ValidPlace_IsSavedAndListed()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var before = await CountPlacesAsync("10612");
        var form = await Html.GetAsync(client, "/staff/units/10612/places/new");
        Assert.Equal("2026-11-29", form.QuerySelector("input[name='Input.ValidFrom']")!.GetAttribute("value"));
        Assert.Equal(12, form.QuerySelectorAll("datalist#place-subtypes option").Length);

        using var response = await PostNewAsync(client, "10612",
            ("Kind", "Enterprise"), ("Name", "  Công ty  TNHH Cơ khí Nam Tân "), ("Subtype", "doanh nghiệp"), ("EnterpriseSize", "Large"),
            ("Address", "Thôn Đông, xã Nam Tân"), ("ValidFrom", "2021-07-01"));

        // Redirected to the list, which says so and shows the place.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/staff/units/10612/places", response.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await Html.ParseAsync(response);
        Assert.Contains("Đã thêm địa bàn “Công ty TNHH Cơ khí Nam Tân”", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Công ty TNHH Cơ khí Nam Tân", Names(list));
        Assert.Equal(before + 1, await CountPlacesAsync("10612"));

        await using var scope = Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Places.SingleAsync(p => p.SearchName == "cong ty tnhh co khi nam tan", Ct);
        Assert.Equal((EnterpriseSize?)EnterpriseSize.Large, saved.EnterpriseSize);
        Assert.Equal(new DateOnly(2021, 7, 1), saved.ValidFrom);
        Assert.Equal(1, saved.Version);
    }

    [Theory]
    [InlineData("Name", "", "Tên không được để trống.")]
    [InlineData("Name", "   ", "Tên không được để trống.")]
    [InlineData("EnterpriseSize", "", "Doanh nghiệp cần có quy mô")]
    [InlineData("ValidTo", "2020-01-01", "Ngày hết hiệu lực phải sau ngày bắt đầu.")]
    [InlineData("ValidFrom", "hôm qua", "Giá trị “hôm qua” không hợp lệ cho Ngày bắt đầu.")]
    [InlineData("Kind", "", "Hãy chọn loại địa bàn.")]
    [InlineData("Kind", "99", "không hợp lệ")]
    public async Task Add_BadInput_RedisplaysFormWithFieldErrorAndSavesNothing(string field, string value, string message)
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var before = await CountPlacesAsync("10618");
        (string, string)[] values = [("Kind", "Enterprise"), ("Name", "Công ty Hiệp Cát"), ("EnterpriseSize", "Small"), ("ValidFrom", "2021-07-01")];
        using var response = await PostNewAsync(client, "10618", [.. values.Where(v => v.Item1 != field), (field, value)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var fieldError = page.QuerySelector($"span[data-valmsg-for='Input.{field}']")!;
        Assert.Contains(message, fieldError.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountPlacesAsync("10618"));
    }

    [Fact]
    public async Task Add_InCommuneThatNoLongerExistsOnStartDate_IsAFieldError()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await PostNewAsync(client, "10624", ("Kind", "ResidentialArea"), ("Name", "Thôn Mới"), ("ValidFrom", "2026-01-01"));
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelector("span[data-valmsg-for='Input.ValidFrom']")!.TextContent;
        Assert.Contains("Xã Quốc Tuấn (mã 10624) không tồn tại vào ngày 01/01/2026", error, StringComparison.Ordinal);
        Assert.Contains("đến hết 28/02/2025", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_Duplicate_WithoutDiacritics_IsRejected()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var before = await CountPlacesAsync("10609");
        using var response = await PostNewAsync(client, "10609", ("Kind", "ResidentialArea"), ("Name", "thon doai"), ("ValidFrom", "2024-01-01"));
        var page = await Html.ParseAsync(response);
        Assert.Contains("trùng thời gian", page.QuerySelector("span[data-valmsg-for='Input.Name']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountPlacesAsync("10609"));

        // The same name for another kind, or after the first one ended, is not a duplicate.
        using var agency = await PostNewAsync(client, "10609", ("Kind", "Agency"), ("Name", "Thôn Đoài"), ("ValidFrom", "2024-01-01"));
        Assert.Equal("/staff/units/10609/places", agency.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Edit_ChangesThePlace_AndAStaleVersionIsRefused()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var list = await Html.GetAsync(client, "/staff/units/10627/places?q=thcs");
        var editUrl = list.QuerySelector("tbody a")!.GetAttribute("href")!;
        var form = await Html.GetAsync(client, editUrl);
        Assert.Equal("Trường THCS Nam Chính", form.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("LowerSecondary", form.QuerySelector("select[name='Input.SchoolLevel'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2019-01-01", form.QuerySelector("input[name='Input.ValidFrom']")!.GetAttribute("value"));
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        Assert.Equal("1", fields.Single(f => f.Key == "Input.Version").Value);

        using var saved = await Html.PostAsync(client, editUrl, fields.Set("Input.Name", "Trường THCS Nam Chính (cơ sở 1)").Set("Input.Address", "Thôn Đông"));
        Assert.Equal("/staff/units/10627/places", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Trường THCS Nam Chính (cơ sở 1)", Names(await Html.ParseAsync(saved)));

        // The same form posted again still carries version 1: someone else's change must not be overwritten.
        using var stale = await Html.PostAsync(client, editUrl, fields.Set("Input.Name", "Trường THCS Nam Chính mới"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(stale);
        Assert.Contains("Địa bàn đã được người khác sửa", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        await using var scope = Scope();
        var place = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Places.SingleAsync(p => p.SearchName.StartsWith("truong thcs nam chinh"), Ct);
        Assert.Equal("Trường THCS Nam Chính (cơ sở 1)", place.Name);
        Assert.Equal("Thôn Đông", place.Address);
        Assert.Equal(2, place.Version);
    }

    [Fact]
    public async Task Edit_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var list = await Html.GetAsync(client, "/staff/units/10630/places?q=mam%20non");
        var editUrl = list.QuerySelector("tbody a")!.GetAttribute("href")!;
        var fields = Html.Fields((await Html.GetAsync(client, editUrl)).QuerySelector("main form[method=post]")!);
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
        using var response = await Html.PostAsync(client, editUrl, fields.Set("Input.Name", "Đổi tên"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class PlacePagesTestsOnSqlite(SqliteDemoApp app) : PlacePagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class PlacePagesTestsOnPostgreSql(PostgreSqlDemoApp app) : PlacePagesTests(app), IClassFixture<PostgreSqlDemoApp>;

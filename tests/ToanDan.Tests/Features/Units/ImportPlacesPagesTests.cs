using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units.Staff;

namespace ToanDan.Tests.Features.Units;

/// <summary>The import pages: upload, preview with row errors, confirm, and what is refused (same tests on SQLite and PostgreSQL).</summary>
public abstract class ImportPlacesPagesTests(AppFixture app) : AppTests(app)
{
    private const string Header = "Mã xã,Loại,Tên,Phân loại,Địa chỉ,Quy mô doanh nghiệp,Cấp học,Lực lượng vũ trang,Ngày bắt đầu,Ngày hết hiệu lực\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CountPlacesAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Places.CountAsync(Ct);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await Html.GetAsync(client, "/staff/places/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/staff/places/import", form, Ct);
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string fileName, string csv)
    {
        using var response = await UploadAsync(client, fileName, Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IHtmlDocument preview, string? token = null)
    {
        var form = preview.QuerySelector("form[action*='handler=Confirm']") ?? throw new InvalidOperationException("No confirm form.");
        var fields = Html.Fields(form);
        if (token is not null)
        {
            fields.Set("token", token);
        }

        return Html.PostAsync(client, form.GetAttribute("action")!, fields);
    }

    [Fact]
    public async Task Preview_WithRowErrors_ShowsLinesAndCountsAndSavesNothing()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var before = await CountPlacesAsync();
        var page = await PreviewAsync(client, "dia-ban.csv",
            Header +
            "10633,Khu dân cư,Thôn Bến,thôn,,,,,01/07/2021,\n" +              // 2: fine
            "99999,Khu dân cư,Thôn Lạ,thôn,,,,,01/07/2021,\n" +               // 3: no such commune
            "10633,Nhà hàng,Quán Bến,,,,,,01/07/2021,\n" +                    // 4: bad kind
            "10633,Doanh nghiệp,Công ty Bến,,,,,,01/07/2021,\n" +             // 5: no size
            "10633,khu dan cu,thon ben,,,,,,01/01/2022,\n" +                  // 6: duplicates line 2
            "10633,Khu dân cư,Thôn Đông,,,,,,2021-07-01,\n" +                 // 7: already exists (demo)
            "10624,Khu dân cư,Thôn Sau Sáp Nhập,,,,,,01/07/2025,\n" +          // 8: Quốc Tuấn ended before that day
            "10633,Khu dân cư,Thôn Ngày Sai,,,,,,30/02/2021,\n");             // 9: bad date

        var summary = page.QuerySelector("#preview-heading + p")!.TextContent;
        Assert.Contains("1 dòng hợp lệ", summary, StringComparison.Ordinal);
        Assert.Contains("7 dòng có lỗi", summary, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Confirm']"));

        var rows = page.QuerySelectorAll("table.preview tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "8", "9"], rows.Keys);
        Assert.Equal("Hợp lệ", rows["2"].QuerySelectorAll("td")[^1].TextContent.Trim());
        string Errors(string line) => rows[line].QuerySelector(".row-errors")!.TextContent;
        Assert.Contains("Không có đơn vị hành chính mã 99999", Errors("3"), StringComparison.Ordinal);
        Assert.Contains("Loại “Nhà hàng” không hợp lệ", Errors("4"), StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp cần có quy mô", Errors("5"), StringComparison.Ordinal);
        Assert.Contains("Trùng với dòng 2", Errors("6"), StringComparison.Ordinal);
        Assert.Contains("đã có địa bàn cùng loại tên “Thôn Đông”", Errors("7"), StringComparison.Ordinal);
        Assert.Contains("Xã Quốc Tuấn (mã 10624) không tồn tại vào ngày 01/07/2025", Errors("8"), StringComparison.Ordinal);
        Assert.Contains("Ngày bắt đầu “30/02/2021” không hợp lệ", Errors("9"), StringComparison.Ordinal);
        Assert.All(rows.Values.Where(r => r != rows["2"]), r => Assert.Contains("row-error", r.ClassList));

        Assert.Equal(before, await CountPlacesAsync());
    }

    [Fact]
    public async Task Confirm_ImportsEveryRowOnce()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var before = await CountPlacesAsync();
        var preview = await PreviewAsync(client, "moi.csv",
            Header +
            "10648,Khu dân cư,Thôn Phú Mỹ,thôn,,,,,01/07/2021,\n" +
            "10648,Doanh nghiệp,Công ty TNHH Phú Điền Xanh,doanh nghiệp,\"Thôn Phú Mỹ, xã Phú Điền\",Nhỏ,,,01/07/2021,\n" +
            "10645,Cơ quan,Đồn Công an An Lâm,lực lượng vũ trang,,,,có,01/01/2022,\n");
        Assert.Contains("3 dòng hợp lệ", preview.QuerySelector("#preview-heading + p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountPlacesAsync());

        using var confirmed = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var done = await Html.ParseAsync(confirmed);
        Assert.Contains("Đã nhập 3 địa bàn.", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/staff/units/10645/places?all=true", "/staff/units/10648/places?all=true"], done.QuerySelectorAll("[role=status] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(before + 3, await CountPlacesAsync());

        var list = await Html.GetAsync(client, "/staff/units/10648/places?asOf=2021-07-01&q=phu%20dien%20xanh");
        Assert.Contains("Quy mô nhỏ", list.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);

        // Confirming the same preview again finds the rows already there and adds nothing.
        using var again = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Dòng 2: Xã này đã có địa bàn cùng loại tên “Thôn Phú Mỹ”", (await Html.ParseAsync(again)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 3, await CountPlacesAsync());
    }

    [Fact]
    public async Task Confirm_WithTamperedToken_IsRejected()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var before = await CountPlacesAsync();
        var preview = await PreviewAsync(client, "a.csv", Header + "10651,Khu dân cư,Thôn Thử,,,,,,01/07/2021,\n");
        var token = preview.QuerySelector("input[name=token]")!.GetAttribute("value")!;
        var tampered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        foreach (var bad in new[] { tampered, "", "not-a-token", Convert.ToBase64String(Encoding.UTF8.GetBytes("[{\"Line\":2}]")) })
        {
            using var response = await ConfirmAsync(client, preview, bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains(ImportPlaces.BadTokenMessage, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountPlacesAsync());
    }

    [Fact]
    public async Task Confirm_AfterTokenExpired_IsRejected()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        var preview = await PreviewAsync(client, "a.csv", Header + "10654,Khu dân cư,Thôn Hẹn Giờ,,,,,,01/07/2021,\n");
        Factory.Clock.Advance(ImportPlaces.TokenLifetime + TimeSpan.FromMinutes(1));
        using var response = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_XlsxExportedFromTheList_PreviewsItsRows()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var export = await client.GetAsync("/staff/units/10657/places/export?format=xlsx&asOf=2021-07-01&kind=residentialArea", Ct);
        using var response = await UploadAsync(client, "dong-lac.xlsx", await export.Content.ReadAsByteArrayAsync(Ct));
        var page = await Html.ParseAsync(response);

        // Every exported row is already in the database: all of them are duplicates, reported by sheet row.
        var rows = page.QuerySelectorAll("table.preview tbody tr").ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("2", rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.All(rows, r => Assert.Contains("đã có địa bàn", r.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dia-ban.xlsx", "text", "không phải tệp Excel hợp lệ")]
    [InlineData("dia-ban.csv", "zip", "thực ra là một tệp nén")]
    [InlineData("dia-ban.csv", "legacy", "không phải văn bản UTF-8")]
    [InlineData("dia-ban.exe", "text", "Chỉ nhận tệp .csv hoặc .xlsx")]
    [InlineData("dia-ban.csv", "huge", "lớn hơn 5 MB")]
    [InlineData("dia-ban.csv", "empty", "Hãy chọn một tệp")]
    public async Task Upload_RefusedFile_ShowsVietnameseMessage(string fileName, string kind, string message)
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        byte[] content = kind switch
        {
            "text" => Encoding.UTF8.GetBytes(Header + "10606,Khu dân cư,Thôn A,,,,,,01/01/2020,\n"),
            "zip" => await (await client.GetAsync("/staff/places/import/template?format=xlsx", Ct)).Content.ReadAsByteArrayAsync(Ct),
            "legacy" => [.. "ma xa,loai,ten,ngay bat dau\n10606,Khu d"u8, 0xE2, .. "n c"u8, 0xF0, .. ",Thon,01/01/2020\n"u8],
            "huge" => Encoding.UTF8.GetBytes(Header + new string(' ', ImportPlaces.MaxFileBytes)),
            _ => [],
        };

        using var response = await UploadAsync(client, fileName, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Confirm']"));
    }

    [Fact]
    public async Task Upload_FarTooLarge_Gets413PageBeforeTheFormIsRead()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await UploadAsync(client, "dia-ban.csv", new byte[ImportPlaces.MaxFileBytes + (2 * 1024 * 1024)]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Tệp quá lớn", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Template_HasTheColumnsTheImportReads(string format, string mediaType)
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await client.GetAsync($"/staff/places/import/template?format={format}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var parsed = ImportPlaces.Parse("mau." + format, await response.Content.ReadAsByteArrayAsync(Ct));

        // Only the header: every column is recognised, there are just no rows yet.
        Assert.Equal(["Tệp chỉ có dòng tiêu đề, chưa có dòng địa bàn nào."], parsed.FileErrors);
    }

    [Fact]
    public async Task Template_BadFormat_Returns400()
    {
        using var client = Factory.CreateClient().As(TestUsers.NamSachOfficer);
        using var response = await client.GetAsync("/staff/places/import/template?format=ods", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không hợp lệ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class ImportPlacesPagesTestsOnSqlite(SqliteDemoApp app) : ImportPlacesPagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ImportPlacesPagesTestsOnPostgreSql(PostgreSqlDemoApp app) : ImportPlacesPagesTests(app), IClassFixture<PostgreSqlDemoApp>;

using System.Text;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Staff;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Tests.Features.Units;

/// <summary>Unit tests of the pure part of <see cref="ImportPlaces"/>: reading and checking files, without a database.</summary>
public sealed class ImportPlacesParserTests
{
    private const string Header = "Mã xã,Loại,Tên,Phân loại,Địa chỉ,Quy mô doanh nghiệp,Cấp học,Lực lượng vũ trang,Ngày bắt đầu,Ngày hết hiệu lực";

    private static ImportPlaces.ParsedFile ParseCsv(string text, bool bom = false) =>
        ImportPlaces.Parse("dia-ban.csv", [.. (bom ? "\uFEFF"u8.ToArray() : []), .. Encoding.UTF8.GetBytes(text)]);

    private static string FileError(ImportPlaces.ParsedFile file)
    {
        Assert.Empty(file.Rows);
        return Assert.Single(file.FileErrors);
    }

    [Fact]
    public void Parse_ValidCsv_GivesCandidatesWithLineNumbers()
    {
        var file = ParseCsv(
            Header + "\n" +
            "10606,Khu dân cư,Khu dân cư số 11,khu dân cư,,,,,01/07/2021,\n" +
            "\n" +
            "10606,Doanh nghiệp,\"Công ty TNHH Minh Long, chi nhánh Nam Sách\",doanh nghiệp,\"Số 2, đường Trần Hưng Đạo\",Vừa,,,2021-07-01,01/01/2024\n" +
            "10606,Cơ quan,Ban Chỉ huy Quân sự xã,lực lượng vũ trang,,,,có,01/07/2021,\n" +
            "10606,Cơ sở giáo dục,Trường THCS Nam Sách 2,,,,Trung học cơ sở,,1/7/2021,\n",
            bom: true);

        Assert.Empty(file.FileErrors);
        Assert.All(file.Rows, r => Assert.True(r.IsValid, string.Join(" ", r.Errors)));
        Assert.Equal([2, 4, 5, 6], file.Rows.Select(r => r.Line));
        var enterprise = file.Rows[1].Candidate!;
        Assert.Equal("10606", enterprise.CommuneCode);
        Assert.Equal(new PlaceDetails(PlaceKind.Enterprise, "Công ty TNHH Minh Long, chi nhánh Nam Sách", "doanh nghiệp", "Số 2, đường Trần Hưng Đạo", EnterpriseSize.Medium, null, false, new(2021, 7, 1), new(2024, 1, 1)), enterprise.Details);
        Assert.True(file.Rows[2].Candidate!.Details.IsArmedForces);
        Assert.Equal(SchoolLevel.LowerSecondary, file.Rows[3].Candidate!.Details.SchoolLevel);
        Assert.Equal(new DateOnly(2021, 7, 1), file.Rows[3].Candidate!.Details.ValidFrom);
    }

    [Fact]
    public void Parse_EnglishOrUnaccentedHeadersInAnyOrderWithSemicolons_AreAccepted()
    {
        var english = ParseCsv("name;valid_from;kind;commune_code\nThôn Mới;01/01/2020;residentialArea;10609\n");
        var unaccented = ParseCsv("TEN,ngay bat dau,LOAI,ma xa\nThôn Mới,01/01/2020,khu dan cu,10609\n");

        foreach (var file in new[] { english, unaccented })
        {
            var row = Assert.Single(file.Rows);
            Assert.True(row.IsValid, string.Join(" ", row.Errors));
            Assert.Equal(new ImportPlaces.Candidate("10609", new PlaceDetails(PlaceKind.ResidentialArea, "Thôn Mới", "", "", null, null, false, new(2020, 1, 1), null)), row.Candidate);
        }
    }

    [Fact]
    public void Parse_ReportsEveryBadRowWithItsLine()
    {
        var file = ParseCsv(
            Header + "\n" +
            "10606,Nhà hàng,Quán A,,,,,,01/01/2020,\n" +                        // 2: bad kind
            "10606,Doanh nghiệp,Công ty B,,,,,,01/01/2020,\n" +                 // 3: enterprise without size
            "10606,Khu dân cư,Thôn C,,,,,,01/01/2020,01/01/2019\n" +            // 4: ends before it starts
            "10606,Khu dân cư,Thôn D,,,,,,31/02/2020,\n" +                      // 5: no such date
            "ABC,Khu dân cư,,,,,,,01/01/2020,\n" +                              // 6: bad code, empty name
            "10606,Khu dân cư,Thôn E,,,Lớn,,,01/01/2020,\n" +                   // 7: size on a KDC
            "10606,Cơ quan,Cơ quan F,,,,,có lẽ,01/01/2020,\n" +                 // 8: armed forces unreadable
            "10606,Khu dân cư,Thôn G,,,,,,01/01/2020,\n" +                      // 9: fine
            "10606,khu dan cu,thon g,,,,,,01/06/2020,\n" +                      // 10: duplicates 9 (no diacritics, overlapping)
            "10606,Khu dân cư,Thôn G,,,,,,01/01/2010,01/01/2020\n" +            // 11: same name, before 9: fine
            "\"10606,Khu dân cư,Thôn H\n");                                     // 12: unbalanced quote

        Assert.Empty(file.FileErrors);
        var errors = file.Rows.ToDictionary(r => r.Line, r => string.Join(" | ", r.Errors));
        Assert.Contains("Loại “Nhà hàng” không hợp lệ", errors[2], StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp cần có quy mô", errors[3], StringComparison.Ordinal);
        Assert.Contains("Ngày hết hiệu lực phải sau ngày bắt đầu", errors[4], StringComparison.Ordinal);
        Assert.Contains("Ngày bắt đầu “31/02/2020” không hợp lệ", errors[5], StringComparison.Ordinal);
        Assert.Contains("Mã xã “ABC” không hợp lệ", errors[6], StringComparison.Ordinal);
        Assert.Contains("Quy mô doanh nghiệp chỉ ghi cho địa bàn loại Doanh nghiệp", errors[7], StringComparison.Ordinal);
        Assert.Contains("Lực lượng vũ trang “có lẽ” không hợp lệ", errors[8], StringComparison.Ordinal);
        Assert.Equal("", errors[9]);
        Assert.Contains("Trùng với dòng 9", errors[10], StringComparison.Ordinal);
        Assert.Equal("", errors[11]);
        Assert.Contains("sai định dạng", errors[12], StringComparison.Ordinal);
        Assert.Equal([9, 11], file.Rows.Where(r => r.IsValid).Select(r => r.Line));
    }

    [Fact]
    public void Parse_EmptyNameIsReportedWithTheOtherFieldsUnderstood()
    {
        var row = Assert.Single(ParseCsv(Header + "\n10606,Khu dân cư,  ,,,,,,01/01/2020,\n").Rows);
        Assert.False(row.IsValid);
        Assert.Equal(["Tên không được để trống."], row.Errors);
        Assert.Equal("Khu dân cư", row.Cells[1]);
    }

    [Theory]
    [InlineData("1", "00001")]
    [InlineData("606", "00606")]
    [InlineData("10606", "10606")]
    public void Parse_PadsCodesThatLostTheirLeadingZeros(string typed, string expected)
    {
        var row = Assert.Single(ParseCsv($"ma xa,loai,ten,ngay bat dau\n{typed},Khu dân cư,Tổ dân phố 1,01/01/2020\n").Rows);
        Assert.Equal(expected, row.Candidate!.CommuneCode);
    }

    [Theory]
    [InlineData("ma xa,loai,ngay bat dau\n", "Thiếu cột bắt buộc “Tên”")]
    [InlineData("ma xa,loai,ten,ngay bat dau,mau sac\n10606,Khu dân cư,Thôn A,01/01/2020,đỏ\n", "Cột “mau sac” không nhận ra")]
    [InlineData("ma xa,loai,ten,ten,ngay bat dau\n", "Cột “Tên” xuất hiện hai lần")]
    [InlineData("ma xa,loai,ten,ngay bat dau\n\n,,,\n", "chỉ có dòng tiêu đề")]
    [InlineData("", "Tệp rỗng")]
    public void Parse_BadHeaderOrNoData_IsAFileError(string text, string expected) =>
        Assert.Contains(expected, FileError(ImportPlaces.Parse("a.csv", Encoding.UTF8.GetBytes(text))), StringComparison.Ordinal);

    [Fact]
    public void Parse_MoreThan5000Rows_IsRefused()
    {
        var text = new StringBuilder("ma xa,loai,ten,ngay bat dau\n");
        for (var i = 0; i < ImportPlaces.MaxRows + 1; i++)
        {
            text.Append("10606,Khu dân cư,Thôn ").Append(i).Append(",01/01/2020\n");
        }

        Assert.Contains("hơn 5.000 dòng", FileError(ParseCsv(text.ToString())), StringComparison.Ordinal);
        Assert.Equal(ImportPlaces.MaxRows, ParseCsv(text.ToString()[..text.ToString().TrimEnd('\n').LastIndexOf('\n')]).Rows.Count);
    }

    [Fact]
    public void Parse_ChecksContentNotJustExtension()
    {
        var xlsx = XlsxWriter.Write("x", ["Mã xã"], []);
        Assert.Contains("thực ra là một tệp nén", FileError(ImportPlaces.Parse("dia-ban.csv", xlsx)), StringComparison.Ordinal);
        Assert.Contains("không phải tệp Excel hợp lệ", FileError(ImportPlaces.Parse("dia-ban.xlsx", Encoding.UTF8.GetBytes(Header))), StringComparison.Ordinal);

        // "Thôn Đoài" in Windows-1258 is not UTF-8.
        byte[] legacy = [.. "ma xa,loai,ten,ngay bat dau\n10606,Khu d"u8, 0xE2, .. "n c"u8, 0xF0, .. ",Th"u8, 0xF4, .. "n,01/01/2020\n"u8];
        Assert.Contains("không phải văn bản UTF-8", FileError(ImportPlaces.Parse("dia-ban.csv", legacy)), StringComparison.Ordinal);
        Assert.Contains("ký tự nhị phân", FileError(ImportPlaces.Parse("dia-ban.csv", [.. "ma xa"u8, 0, 1, 2])), StringComparison.Ordinal);
        Assert.Contains("Chỉ nhận tệp .csv hoặc .xlsx", FileError(ImportPlaces.Parse("dia-ban.txt", Encoding.UTF8.GetBytes(Header))), StringComparison.Ordinal);
        Assert.Contains("lớn hơn 5 MB", FileError(ImportPlaces.Parse("dia-ban.csv", new byte[ImportPlaces.MaxFileBytes + 1])), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Xlsx_ReadsTheSameAsCsvAndUsesSheetRowNumbers()
    {
        var places = new[]
        {
            ("10606", new PlaceDetails(PlaceKind.School, "Trường THPT Nam Sách 2", null, "Thị trấn Nam Sách", null, SchoolLevel.UpperSecondary, false, new(2019, 1, 1), new(2025, 7, 1))),
            ("00001", new PlaceDetails(PlaceKind.Agency, "Đồn Công an", "lực lượng vũ trang", null, null, null, true, new(2020, 2, 29), null)),
        };

        foreach (var (name, content) in new[] { ("a.xlsx", PlaceSheet.Xlsx(places)), ("a.csv", PlaceSheet.Csv(places)) })
        {
            var file = ImportPlaces.Parse(name, content);
            Assert.Empty(file.FileErrors);
            Assert.Equal([2, 3], file.Rows.Select(r => r.Line));
            Assert.Equal(places.Select(p => new ImportPlaces.Candidate(p.Item1, p.Item2 with { Subtype = p.Item2.Subtype ?? "", Address = p.Item2.Address ?? "" })), file.Rows.Select(r => r.Candidate));
        }
    }

    [Fact]
    public void Parse_XlsxDateCellsAndSerials_AreDates()
    {
        var content = TestWorkbookForImport();
        var file = ImportPlaces.Parse("a.xlsx", content);
        var row = Assert.Single(file.Rows);
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal(new DateOnly(2021, 7, 1), row.Candidate!.Details.ValidFrom);
        Assert.Equal(new DateOnly(2025, 1, 1), row.Candidate.Details.ValidTo);
        Assert.Equal(4, row.Line);
    }

    /// <summary>A sheet whose header is on row 3, with the start date as a styled date and the end date as a bare serial.</summary>
    private static byte[] TestWorkbookForImport() => Infrastructure.Spreadsheets.TestWorkbook.Build(
        "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c><c r=\"D3\" t=\"s\"><v>3</v></c><c r=\"E3\" t=\"s\"><v>4</v></c></row>" +
        "<row r=\"4\"><c r=\"A4\"><v>10606</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>Khu dân cư</t></is></c><c r=\"C4\" t=\"inlineStr\"><is><t>Thôn Mới</t></is></c>" +
        "<c r=\"D4\" s=\"1\"><v>44378</v></c><c r=\"E4\"><v>45658</v></c></row>",
        sharedStrings: ["Mã xã", "Loại", "Tên", "Ngày bắt đầu", "Ngày hết hiệu lực"],
        styles: "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>");
}

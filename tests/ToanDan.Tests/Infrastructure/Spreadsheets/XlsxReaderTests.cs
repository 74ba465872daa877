using System.IO.Compression;
using System.Text;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Tests.Infrastructure.Spreadsheets;

/// <summary>Unit tests of <see cref="XlsxReader"/> on hand-made packages: value types, odd layouts, hostile files.</summary>
public sealed class XlsxReaderTests
{
    private static XlsxSheet Read(byte[] content, XlsxReadLimits? limits = null)
    {
        var result = XlsxReader.ReadFirstSheet(content, limits);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Errors[0].Message);
        return result.Value;
    }

    private static string Refused(byte[] content, XlsxReadLimits? limits = null)
    {
        var result = XlsxReader.ReadFirstSheet(content, limits);
        Assert.False(result.IsSuccess);
        return result.Errors[0].Message;
    }

    [Fact]
    public void ReadFirstSheet_ReadsSharedInlineNumberBooleanAndFormulaCells()
    {
        var content = TestWorkbook.Build(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>Thôn Đoài</t></is></c>" +
            "<c r=\"C1\"><v>10606</v></c><c r=\"D1\" t=\"b\"><v>1</v></c><c r=\"E1\"><v>0.30000000000000004</v></c>" +
            "<c r=\"F1\" t=\"str\"><f>A1&amp;\"x\"</f><v>Khu dân cưx</v></c><c r=\"G1\" t=\"s\"><v>1</v></c></row>",
            sharedStrings: ["Khu dân cư", "<r><t>Trường </t></r><r><rPr><b/></rPr><t>THCS</t></r><rPh><t>phonetic</t></rPh>"]);

        var sheet = Read(content);

        Assert.Equal("Dữ liệu", sheet.Name);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(1, row.Number);
        Assert.Equal(["Khu dân cư", "Thôn Đoài", "10606", "TRUE", "0.3", "Khu dân cưx", "Trường THCS"], row.Cells);
    }

    [Fact]
    public void ReadFirstSheet_ConvertsNumbersInDateStylesToIsoDates()
    {
        const string styles =
            "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"&quot;day&quot; 0.00\"/></numFmts>" +
            "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs>";
        var content = TestWorkbook.Build(
            "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44378</v></c><c r=\"B1\" s=\"2\"><v>43466</v></c><c r=\"C1\" s=\"3\"><v>43466</v></c><c r=\"D1\"><v>43466</v></c></row>",
            styles: styles);

        var row = Assert.Single(Read(content).Rows);

        // 44378 is 01/07/2021; a format with "day" only in quotes is not a date format.
        Assert.Equal(["2021-07-01", "2019-01-01", "43466", "43466"], row.Cells);
    }

    [Fact]
    public void ReadFirstSheet_Handles1904DateSystem()
    {
        var content = TestWorkbook.Build("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42916</v></c></row>", styles: "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>", date1904: true);
        Assert.Equal("2021-07-01", Assert.Single(Read(content).Rows).Cells[0]);
    }

    [Fact]
    public void ReadFirstSheet_WithoutReferences_PlacesCellsInOrderAndKeepsGaps()
    {
        var content = TestWorkbook.Build(
            "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>" +
            "<row r=\"4\"><c r=\"C4\" t=\"inlineStr\"><is><t>c</t></is></c><c t=\"inlineStr\"><is><t>d</t></is></c><c r=\"F4\"/></row>" +
            "<row><c r=\"A5\" t=\"inlineStr\"><is><t>  </t></is></c></row>" +
            "<row r=\"7\"/>" +
            "<row><c r=\"B8\" t=\"inlineStr\"><is><t>e</t></is></c></row>");

        var rows = Read(content).Rows;

        Assert.Equal([1, 4, 8], rows.Select(r => r.Number));
        Assert.Equal(["a", "b"], rows[0].Cells);
        Assert.Equal(["", "", "c", "d"], rows[1].Cells);
        Assert.Equal(["", "e"], rows[2].Cells);
    }

    [Fact]
    public void ReadFirstSheet_StopsAtMaxRowsAndSaysSo()
    {
        var data = string.Concat(Enumerable.Range(1, 10).Select(i => $"<row r=\"{i}\"><c r=\"A{i}\"><v>{i}</v></c></row>"));
        var sheet = Read(TestWorkbook.Build(data), new XlsxReadLimits { MaxRows = 4 });
        Assert.True(sheet.Truncated);
        Assert.Equal(4, sheet.Rows.Count);
        Assert.False(Read(TestWorkbook.Build(data), new XlsxReadLimits { MaxRows = 10 }).Truncated);
    }

    [Fact]
    public void ReadFirstSheet_RefusesTooManyCells()
    {
        var data = "<row r=\"1\">" + string.Concat(Enumerable.Range(0, 50).Select(_ => "<c/>")) + "</row>";
        Assert.Contains("quá 20 ô", Refused(TestWorkbook.Build(data), new XlsxReadLimits { MaxCells = 20 }), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFirstSheet_RefusesValuesBeyondMaxColumns()
    {
        var content = TestWorkbook.Build("<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>");
        Assert.Contains("cột thứ 16384", Refused(content), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFirstSheet_RefusesZipBomb()
    {
        // About 60 MB of XML that deflates to a few hundred kilobytes.
        var rows = new StringBuilder();
        rows.Insert(0, "<row><c><v>1</v></c></row>", 60 * 1024 * 1024 / 26);
        var content = TestWorkbook.Build(rows.ToString());
        Assert.True(content.Length < 1024 * 1024);
        Assert.Contains("quá lớn khi giải nén", Refused(content), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFirstSheet_RefusesTooManyEntries()
    {
        var parts = Enumerable.Range(0, 30).ToDictionary(i => $"xl/media/pad{i}.xml", _ => "<x/>");
        parts["xl/worksheets/sheet1.xml"] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>";
        Assert.Contains("quá nhiều thành phần", Refused(TestWorkbook.Package(parts), new XlsxReadLimits { MaxEntries = 20 }), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFirstSheet_RefusesDtd()
    {
        var content = TestWorkbook.Package(new Dictionary<string, string>
        {
            ["xl/worksheets/sheet1.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row><c t=\"inlineStr\"><is><t>&a;</t></is></c></row></sheetData></worksheet>",
        });
        Assert.Contains("không phải tệp Excel hợp lệ", Refused(content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mã xã,Tên\n10606,Thôn Đoài\n")]
    [InlineData("")]
    public void ReadFirstSheet_RefusesTextDisguisedAsXlsx(string text) =>
        Assert.Contains("không phải tệp Excel hợp lệ", Refused(Encoding.UTF8.GetBytes(text)), StringComparison.Ordinal);

    [Fact]
    public void ReadFirstSheet_RefusesZipThatIsNotAWorkbook()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("readme.txt").Open();
            stream.Write("hello"u8);
        }

        Assert.Contains("không phải tệp Excel hợp lệ", Refused(buffer.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("xfd1", 16383)]
    [InlineData("12", null)]
    [InlineData("", null)]
    public void ColumnIndex_ReadsLetters(string reference, int? expected) => Assert.Equal(expected, XlsxReader.ColumnIndex(reference));

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("[$-42A]d mmmm yyyy", true)]
    [InlineData("0.00", false)]
    [InlineData("\"ngày\" 0", false)]
    [InlineData("[Red]#,##0", false)]
    [InlineData("h:mm", false)]
    public void IsDateFormat_LooksAtDaysAndYearsOnly(string code, bool expected) => Assert.Equal(expected, XlsxReader.IsDateFormat(code));
}

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Tests.Infrastructure.Spreadsheets;

/// <summary>Unit tests of <see cref="XlsxWriter"/>, read back with <see cref="XlsxReader"/> and checked with the Open XML validator.</summary>
public sealed class XlsxWriterTests
{
    private static readonly string[] Header = ["Mã xã", "Tên", "Ghi chú"];

    private static readonly IReadOnlyList<string?>[] Rows =
    [
        ["00001", "Phường Phúc Xá", "=HYPERLINK(\"http://example.com\")"],
        ["10606", "Thôn Đoài", null],
        ["10609", "", "  khoảng trắng đầu và cuối  "],
    ];

    [Fact]
    public void Write_ThenRead_GivesTheSameTextBack()
    {
        var content = XlsxWriter.Write("Địa bàn", Header, Rows);
        var read = XlsxReader.ReadFirstSheet(content);

        Assert.True(read.IsSuccess);
        Assert.Equal("Địa bàn", read.Value.Name);
        Assert.Equal([1, 2, 3, 4], read.Value.Rows.Select(r => r.Number));
        Assert.Equal(Header, read.Value.Rows[0].Cells);
        Assert.Equal(["00001", "Phường Phúc Xá", "=HYPERLINK(\"http://example.com\")"], read.Value.Rows[1].Cells);
        Assert.Equal(["10606", "Thôn Đoài"], read.Value.Rows[2].Cells);
        Assert.Equal(["10609", "", "  khoảng trắng đầu và cuối  "], read.Value.Rows[3].Cells);
    }

    [Fact]
    public void Write_ProducesValidWorkbookWithBoldHeaderAndNoFormulas()
    {
        var content = XlsxWriter.Write("Địa bàn", Header, Rows);
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);

        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var header = sheet.Descendants<Row>().First().Elements<Cell>().ToList();
        Assert.All(header, c => Assert.Equal(1u, c.StyleIndex?.Value));
        var font = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt(1);
        Assert.NotNull(font.Bold);
        Assert.All(sheet.Descendants<Row>().Skip(1).SelectMany(r => r.Elements<Cell>()), c => Assert.Null(c.StyleIndex));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_CountsLikeExcel(int index, string expected) => Assert.Equal(expected, XlsxWriter.ColumnName(index));
}

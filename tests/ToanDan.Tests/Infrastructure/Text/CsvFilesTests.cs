using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Tests.Infrastructure.Text;

/// <summary>Unit tests of <see cref="CsvFiles"/>.</summary>
public sealed class CsvFilesTests
{
    private static List<(long Line, string[] Fields)> ReadAll(string text, char delimiter = ',')
    {
        using var parser = CsvFiles.Open(text, delimiter);
        var records = new List<(long, string[])>();
        while (CsvFiles.ReadRecord(parser, "t.csv", out var line) is { } record)
        {
            records.Add((line, record.Fields));
        }

        return records;
    }

    [Fact]
    public void ReadRecord_GivesTheFirstLineOfEachRecord_PastBlankLinesAndMultilineFields()
    {
        var records = ReadAll("a,b\n\n\nc,\"d\ne\"\n\nf,g\n");
        Assert.Equal([1L, 4L, 7L], records.Select(r => r.Line));
        Assert.Equal(["c", "d\ne"], records[1].Fields);
    }

    [Fact]
    public void Open_WithSemicolon_SplitsOnSemicolons() =>
        Assert.Equal(["a", "b,c"], ReadAll("a;b,c\n", ';').Single().Fields);

    [Fact]
    public void Document_HasBomCrlfAndNeutralisedFormulas()
    {
        var bytes = CsvFiles.Document(["Tên", "Ghi chú"], [["=1+1", "Thôn \"Đoài\", xã A"]]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Tên,Ghi chú\r\n'=1+1,\"Thôn \"\"Đoài\"\", xã A\"\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Line_QuotesSeparatorsAndNeutralisesFormulas() =>
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1)", CsvFiles.Line(["a", "b,c", "say \"hi\"", "=SUM(A1)"]));

    [Fact]
    public void ReadRecord_RoundTripsWhatLineWrites()
    {
        var records = ReadAll(CsvFiles.Line(["Thôn Đông", "x\ny", ""]) + "\n");
        Assert.Equal(["Thôn Đông", "x\ny", ""], Assert.Single(records).Fields);
    }
}

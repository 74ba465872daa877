using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Tests.Infrastructure.Text;

public class CsvFilesTests
{
    [Fact]
    public void Line_QuotesSeparatorsAndNeutralisesFormulas()
    {
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1)", CsvFiles.Line(["a", "b,c", "say \"hi\"", "=SUM(A1)"]));
    }

    [Fact]
    public void ReadRecord_RoundTripsWhatLineWrites()
    {
        using var parser = CsvFiles.Open(CsvFiles.Line(["Thôn Đông", "x\ny", ""]) + "\n");
        var record = CsvFiles.ReadRecord(parser, "t.csv", out var line);
        Assert.NotNull(record);
        Assert.Equal(1, line);
        Assert.Equal(["Thôn Đông", "x\ny", ""], record.Fields);
        Assert.Null(CsvFiles.ReadRecord(parser, "t.csv", out _));
    }
}

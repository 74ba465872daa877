using System.Globalization;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Tests.Infrastructure.Text;

public sealed class FileSizesTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(850, "850 B")]
    [InlineData(1024, "1 KB")]
    [InlineData(1025, "2 KB")]
    [InlineData(1024 * 1024 - 1, "1024 KB")]
    [InlineData(1024 * 1024, "1 MB")]
    [InlineData(1536 * 1024, "1,5 MB")]
    public void Format_InVietnamese(long bytes, string expected) =>
        Assert.Equal(expected, FileSizes.Format(bytes, CultureInfo.GetCultureInfo("vi-VN")));

    [Fact]
    public void Format_InEnglish_UsesADecimalPoint() =>
        Assert.Equal("1.5 MB", FileSizes.Format(1536 * 1024, CultureInfo.GetCultureInfo("en")));
}

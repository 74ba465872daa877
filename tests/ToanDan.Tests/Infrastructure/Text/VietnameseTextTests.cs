using System.Text;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Tests.Infrastructure.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Thị trấn Nam Sách", "thi tran nam sach")]
    [InlineData("Xã Đồng Lạc", "xa dong lac")]
    [InlineData("  Toàn   dân\tbảo vệ ", "toan dan bao ve")]
    [InlineData("Hoà", "hoa")]
    [InlineData("Hòa", "hoa")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_RemovesDiacriticsCaseAndExtraSpace(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Clean_NormalisesToNfc()
    {
        var decomposed = "Nam Sa\u0301ch";
        var cleaned = VietnameseText.Clean(decomposed);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Nam Sách", cleaned);
    }

    [Theory]
    [InlineData("Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách", "hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach")]
    [InlineData("Đặc khu Phú Quốc!!", "dac-khu-phu-quoc")]
    public void Slug_IsAsciiWithDashes(string input, string expected) => Assert.Equal(expected, VietnameseText.Slug(input));
}

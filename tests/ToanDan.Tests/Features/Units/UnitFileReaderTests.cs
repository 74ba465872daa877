using System.Text;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Import;

namespace ToanDan.Tests.Features.Units;

/// <summary>Reading and checking the official CSV files: every bad row is named by file and line.</summary>
public class UnitFileReaderTests
{
    private const string CatalogueHeader = "code,name,level,parent_code,division_type\n";

    private static UnitFile Read(string text, string name = "test.csv") => UnitFileReader.Read(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_ValidCatalogue_ReturnsUnitsWithKindsAndParents()
    {
        var file = Read(CatalogueHeader + "30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,district,30,huyện\n10606,Thị trấn Nam Sách,commune,291,thị trấn\n");
        Assert.Empty(file.Errors);
        Assert.Equal(UnitFileFormat.Catalogue, file.Format);
        Assert.Equal(
            [new UnitState("30", "Tỉnh Hải Dương", UnitLevel.Province, UnitKind.Province, null),
             new UnitState("291", "Huyện Nam Sách", UnitLevel.District, UnitKind.RuralDistrict, "30"),
             new UnitState("10606", "Thị trấn Nam Sách", UnitLevel.Commune, UnitKind.Township, "291")],
            file.Units);
    }

    [Theory]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,county,30,huyện\n", "dòng 3", "cấp 'county'")]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n29A,Huyện Nam Sách,district,30,huyện\n", "dòng 3", "mã '29A'")]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,district,30,xã\n", "dòng 3", "loại đơn vị 'xã'")]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,district,,huyện\n", "dòng 3", "parent_code")]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,district,31,huyện\n", "dòng 3", "31")]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n30,Tỉnh Hải Dương,province,,tỉnh\n", "dòng 3", "đã xuất hiện")]
    [InlineData("30,Tỉnh Hải Dương,province,,tỉnh\n291,Huyện Nam Sách,district\n", "dòng 3", "3 cột")]
    [InlineData("30,,province,,tỉnh\n", "dòng 2", "tên đơn vị trống")]
    public void Read_BadRow_NamesFileAndLine(string rows, string line, string fragment)
    {
        var file = Read(CatalogueHeader + rows, "units-bad.csv");
        var error = Assert.Single(file.Errors);
        Assert.StartsWith($"units-bad.csv, {line}", error, StringComparison.Ordinal);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedFieldSpanningLines_ReportsTheRecordsFirstLine()
    {
        var text = "old_code,new_code,share,source_note\n10621,10621,renamed,\"note\non two lines\"\n10624,1062X,whole,x\n";
        var file = Read(text, "m.csv");
        Assert.Equal("m.csv, dòng 4: mã mới '1062X' không phải mã xã 5 chữ số.", Assert.Single(file.Errors));
    }

    [Fact]
    public void Read_UnknownHeader_IsRejected()
    {
        var file = Read("ma,ten\n1,2\n");
        Assert.Contains("dòng 1: tiêu đề cột không đúng mẫu", Assert.Single(file.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotUtf8_IsRejected()
    {
        var file = UnitFileReader.Read("latin1.csv", [0x63, 0x6F, 0x64, 0x65, 0xE9, 0xFF, 0x0A]);
        Assert.Equal("latin1.csv: tệp không phải văn bản UTF-8.", Assert.Single(file.Errors));
    }

    [Fact]
    public void Read_EmptyFileOrHeaderOnly_IsRejected()
    {
        Assert.Contains("tệp rỗng", Assert.Single(Read("").Errors), StringComparison.Ordinal);
        Assert.Contains("không có dòng dữ liệu", Assert.Single(Read(CatalogueHeader).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DetailMapping_ReadsShareAndPrimary()
    {
        var file = Read("old_code,new_code,share,primary,primary_basis,source_note\n10639,10645,part,1,lowest-code,Nhập một phần\n10639,10705,part,0,,Nhập một phần diện tích\n");
        Assert.Empty(file.Errors);
        Assert.Equal(UnitFileFormat.DetailMapping, file.Format);
        Assert.Equal(new MappingRow("10639", "10645", SuccessionShare.Part, true, "lowest-code", "Nhập một phần"), file.Mappings[0]);
        Assert.False(file.Mappings[1].IsPrimary);
    }

    [Fact]
    public void Read_RenamedRowWithDifferentCodes_IsRejected()
    {
        var file = Read("old_code,new_code,share,source_note\n10621,10624,renamed,x\n");
        Assert.Contains("phải giữ nguyên mã", Assert.Single(file.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyBadRows_StopsAtTheCap()
    {
        var rows = string.Concat(Enumerable.Range(0, 200).Select(i => $"x{i},Tỉnh,province,,tỉnh\n"));
        Assert.Equal(UnitFileReader.MaxErrors, Read(CatalogueHeader + rows).Errors.Count);
    }

    [Fact]
    public void Read_SameBytes_SameHash()
    {
        var text = CatalogueHeader + "30,Tỉnh Hải Dương,province,,tỉnh\n";
        Assert.Equal(Read(text).Sha256, Read(text, "other.csv").Sha256);
        Assert.NotEqual(Read(text).Sha256, Read(text + "31,Thành phố Hải Phòng,province,,thành phố trung ương\n").Sha256);
    }
}

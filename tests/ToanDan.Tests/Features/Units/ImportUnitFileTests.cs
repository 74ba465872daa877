using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Import;

namespace ToanDan.Tests.Features.Units;

/// <summary>
/// Importing catalogues and mappings into an empty database. Tests share one database per class, so each uses
/// its own codes and its own catalogue dates (one catalogue per date is the rule being tested elsewhere).
/// </summary>
public abstract class ImportUnitFileTests(AppFixture app) : AppTests(app)
{
    private const string Header = "code,name,level,parent_code,division_type\n";

    private async Task<ToanDan.Web.Infrastructure.Result<ImportUnitFile.Imported>> ImportAsync(string name, string text, DateOnly asOf)
    {
        await using var scope = Scope();
        var handler = scope.ServiceProvider.GetRequiredService<ImportUnitFile.Handler>();
        return await handler.HandleAsync(new ImportUnitFile.Command(UnitFileReader.Read(name, Encoding.UTF8.GetBytes(text)), asOf), TestContext.Current.CancellationToken);
    }

    private async Task<List<AdministrativeUnit>> PeriodsAsync(string code)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        return (await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == code).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(u => u.ValidFrom ?? DateOnly.MinValue).ToList();
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondIsANoOp()
    {
        var text = Header + "91,Tỉnh Thử Một,province,,tỉnh\n";
        var first = await ImportAsync("a91.csv", text, new DateOnly(2001, 1, 1));
        var second = await ImportAsync("a91.csv", text, new DateOnly(2001, 1, 1));
        Assert.True(first.IsSuccess);
        Assert.False(first.Value.Unchanged);
        Assert.True(second.Value.Unchanged);
        Assert.Single(await PeriodsAsync("91"));
    }

    [Fact]
    public async Task Import_ChangedNameAndParent_ClosesOldPeriodAndOpensNew()
    {
        await ImportAsync("b-2021.csv", Header + "92,Tỉnh Thử Hai,province,,tỉnh\n93,Tỉnh Thử Ba,province,,tỉnh\n921,Huyện Cũ,district,92,huyện\n", new DateOnly(2002, 1, 1));
        var result = await ImportAsync("b-2025.csv", Header + "92,Tỉnh Thử Hai,province,,tỉnh\n93,Tỉnh Thử Ba,province,,tỉnh\n921,Thị xã Mới,district,93,thị xã\n", new DateOnly(2002, 6, 1));
        Assert.True(result.IsSuccess);
        var periods = await PeriodsAsync("921");
        Assert.Equal(2, periods.Count);
        Assert.Equal(("Huyện Cũ", "92", new DateOnly(2002, 6, 1)), (periods[0].Name, periods[0].ParentCode, periods[0].ValidTo!.Value));
        Assert.Equal(("Thị xã Mới", "93", UnitKind.DistrictTown), (periods[1].Name, periods[1].ParentCode, periods[1].Kind));
        Assert.Equal(new DateOnly(2002, 6, 1), periods[1].ValidFrom);
    }

    [Fact]
    public async Task Import_FileWithOneBadRow_CommitsNothing()
    {
        var text = Header + "94,Tỉnh Thử Bốn,province,,tỉnh\n941,Huyện Tốt,district,94,huyện\n942,Huyện Xấu,district,94,làng\n";
        var result = await ImportAsync("bad.csv", text, new DateOnly(2003, 1, 1));
        Assert.False(result.IsSuccess);
        Assert.Contains("bad.csv, dòng 4", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(await PeriodsAsync("94"));
        Assert.Empty(await PeriodsAsync("941"));
    }

    [Fact]
    public async Task Import_SecondCatalogueForSameDate_IsAConflict()
    {
        await ImportAsync("c1.csv", Header + "95,Tỉnh Thử Năm,province,,tỉnh\n", new DateOnly(2004, 1, 1));
        var result = await ImportAsync("c2.csv", Header + "95,Tỉnh Thử Năm,province,,tỉnh\n", new DateOnly(2004, 1, 1));
        Assert.False(result.IsSuccess);
        Assert.Equal("conflict", result.Errors[0].Code);
    }

    [Fact]
    public async Task Import_SameFileEdited_ReplacesItsRows()
    {
        await ImportAsync("d.csv", Header + "96,Tỉnh Thử Sáu,province,,tỉnh\n", new DateOnly(2005, 1, 1));
        var result = await ImportAsync("d.csv", Header + "96,Tỉnh Thử Sáu Sửa,province,,tỉnh\n", new DateOnly(2005, 1, 1));
        Assert.True(result.IsSuccess);
        Assert.Equal("Tỉnh Thử Sáu Sửa", Assert.Single(await PeriodsAsync("96")).Name);
    }

    [Fact]
    public async Task Import_Mappings_DetailRefinesSimpleAndSimpleNeverOverwritesDetail()
    {
        var effective = new DateOnly(2030, 1, 1);
        await ImportAsync("map-simple.csv", "old_code,new_code\n97001,97010\n", effective);
        await ImportAsync("map-detail.csv", "old_code,new_code,share,primary,primary_basis,source_note\n97001,97010,part,1,code,Nhập một phần\n97001,97020,part,0,,Nhập một phần\n", effective);
        await ImportAsync("map-simple-again.csv", "old_code,new_code\n97001,97010\n", effective);
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var links = await db.UnitSuccessions.AsNoTracking().Where(s => s.PredecessorCode == "97001").OrderBy(s => s.SuccessorCode).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, links.Count);
        Assert.Equal((SuccessionShare.Part, true, "code"), (links[0].Share, links[0].IsPrimary, links[0].PrimaryBasis));
        Assert.Equal((SuccessionShare.Part, false), (links[1].Share, links[1].IsPrimary));
    }
}

public sealed class ImportUnitFileTestsOnSqlite(SqliteEmptyApp app) : ImportUnitFileTests(app), IClassFixture<SqliteEmptyApp>;

public sealed class ImportUnitFileTestsOnPostgreSql(PostgreSqlEmptyApp app) : ImportUnitFileTests(app), IClassFixture<PostgreSqlEmptyApp>;

using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Staff;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Tests.Features.Units;

/// <summary>Slice tests of <see cref="AddPlace"/> and <see cref="EditPlace"/> called directly, as imports and other modules would.</summary>
public abstract class PlaceHandlersTests(AppFixture app) : AppTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Result<AddPlace.Saved>> AddAsync(AddPlace.Command command)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<AddPlace.Handler>().HandleAsync(command, Ct);
    }

    private static AddPlace.Command Village(string commune, string name = "Thôn Thử Nghiệm") =>
        new() { CommuneCode = commune, Kind = PlaceKind.ResidentialArea, Name = name, ValidFrom = new(2021, 7, 1) };

    [Theory]
    [InlineData("99999", "CommuneCode", "Không có đơn vị hành chính mã 99999.")]
    [InlineData("291", "CommuneCode", "Huyện Nam Sách không phải đơn vị cấp xã")]
    [InlineData("10624", null, null)]
    public async Task Add_ChecksTheCommuneOnTheStartDate(string commune, string? field, string? message)
    {
        var result = await AddAsync(Village(commune));
        if (message is null)
        {
            Assert.True(result.IsSuccess);
            Assert.Equal(commune, result.Value.CommuneCode);
            return;
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ValuesOutsideTheEnums_AreValidationErrors()
    {
        var result = await AddAsync(Village("10642") with { Kind = (PlaceKind)42, ValidFrom = null });
        Assert.Equal(["Kind", "ValidFrom"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.Validation, e.Code));

        var size = await AddAsync(Village("10642") with { Kind = PlaceKind.Enterprise, EnterpriseSize = (EnterpriseSize)9 });
        Assert.Contains(size.Errors, e => e.Field == "EnterpriseSize");
    }

    [Fact]
    public async Task Add_OverlappingOnlyOnOneDay_IsADuplicate()
    {
        Assert.True((await AddAsync(Village("10642", "Thôn Ranh Giới") with { ValidTo = new(2022, 1, 1) })).IsSuccess);

        // Starting on the day the first one ends does not overlap; starting the day before does.
        Assert.True((await AddAsync(Village("10642", "Thôn Ranh Giới") with { ValidFrom = new(2022, 1, 1) })).IsSuccess);
        var clash = await AddAsync(Village("10642", "thon ranh gioi") with { ValidFrom = new(2021, 12, 31), ValidTo = new(2022, 1, 1) });
        Assert.Equal(ErrorCodes.Conflict, Assert.Single(clash.Errors).Code);
    }

    [Fact]
    public async Task Edit_UnknownPlace_IsNotFound()
    {
        await using var scope = Scope();
        var handler = scope.ServiceProvider.GetRequiredService<EditPlace.Handler>();
        var result = await handler.HandleAsync(new EditPlace.Command { Id = Guid.CreateVersion7(), Version = 1, Kind = PlaceKind.Agency, Name = "X", ValidFrom = new(2021, 1, 1) }, Ct);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(result.Errors).Code);
        Assert.False((await handler.GetAsync(Guid.CreateVersion7(), Ct)).IsSuccess);
    }

    [Fact]
    public async Task Edit_MovingTheStartBeforeTheCommuneExisted_IsRefused()
    {
        var added = await AddAsync(new AddPlace.Command { CommuneCode = "11948", Kind = PlaceKind.Agency, Name = "Trạm Y tế đặc khu Bạch Long Vĩ", ValidFrom = new(2025, 7, 1) });
        Assert.True(added.IsSuccess, added.IsSuccess ? "" : added.Errors[0].Message);

        await using var scope = Scope();
        var handler = scope.ServiceProvider.GetRequiredService<EditPlace.Handler>();
        var current = (await handler.GetAsync(added.Value.Id, Ct)).Value;
        var result = await handler.HandleAsync(current.Input with { Id = added.Value.Id, ValidFrom = new(2021, 7, 1) }, Ct);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ValidFrom", error.Field);
        Assert.Contains("không tồn tại vào ngày 01/07/2021", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PlaceHandlersTestsOnSqlite(SqliteDemoApp app) : PlaceHandlersTests(app), IClassFixture<SqliteDemoApp>;

public sealed class PlaceHandlersTestsOnPostgreSql(PostgreSqlDemoApp app) : PlaceHandlersTests(app), IClassFixture<PostgreSqlDemoApp>;

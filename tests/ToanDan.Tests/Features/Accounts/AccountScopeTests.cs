using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Features.Accounts.Staff;

namespace ToanDan.Tests.Features.Accounts;

/// <summary>
/// Which units an administrator's unit covers for account administration, on the demo catalogues and the test
/// clock (29/11/2026, after the 2025 reorganisation: huyện Nam Sách (291) and tỉnh Hải Dương (30) have ended,
/// Nam Sách's communes now sit under Hải Phòng (31), and xã Cộng Hòa (10639) was split).
/// </summary>
public abstract class AccountScopeTests(AppFixture app) : AppTests(app)
{
    [Theory]
    [InlineData("291", "291", true)]
    [InlineData("291", "10606", true)] // a commune of the old district that still exists
    [InlineData("291", "10639", true)] // a commune of the old district that has ended
    [InlineData("291", "10645", true)] // An Lâm, renamed An Phú: the same code
    [InlineData("291", "30", false)] // the province above
    [InlineData("291", "31", false)]
    [InlineData("291", "01", false)]
    [InlineData("291", "10507", false)] // another district's commune, in Hải Phòng today
    [InlineData("291", "VN", false)]
    [InlineData("291", "99999", false)] // not in the catalogue
    [InlineData("30", "10606", true)]
    [InlineData("30", "291", true)]
    [InlineData("31", "10606", true)] // today's tree
    [InlineData("31", "10639", true)] // through the successor links
    [InlineData("31", "291", true)] // every commune of the old district rolled into Hải Phòng
    [InlineData("01", "10606", false)]
    [InlineData("10606", "10639", false)]
    [InlineData("10606", "291", false)]
    [InlineData("VN", "10606", true)]
    [InlineData("VN", "VN", true)]
    [InlineData("99999", "10606", false)]
    public async Task Covers_FollowsTheTreeOnTheLatestDayBothUnitsExisted(string adminUnit, string unit, bool expected)
    {
        await using var scope = Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountScope>();
        Assert.Equal(expected, await accounts.CoversAsync(adminUnit, unit, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ValidateGrant_NormalisesTheCodeAndExplainsEachRefusal()
    {
        await using var scope = Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountScope>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("VN", (await accounts.ValidateGrantAsync(["VN"], " vn ", "Unit", ct)).Value);
        Assert.Equal("10606", (await accounts.ValidateGrantAsync(["291"], " 10606 ", "Unit", ct)).Value);

        var refused = await accounts.ValidateGrantAsync(["291"], "10507", "Unit", ct);
        Assert.Equal("Unit", Assert.Single(refused.Errors).Field);
        Assert.Contains("ngoài phạm vi", refused.Errors[0].Message, StringComparison.Ordinal);
    }
}

public sealed class AccountScopeTestsOnSqlite(SqliteDemoApp app) : AccountScopeTests(app), IClassFixture<SqliteDemoApp>;

public sealed class AccountScopeTestsOnPostgreSql(PostgreSqlDemoApp app) : AccountScopeTests(app), IClassFixture<PostgreSqlDemoApp>;

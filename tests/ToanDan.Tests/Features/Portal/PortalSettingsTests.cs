using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.Portal;

/// <summary>The portal settings page, the footer rendered from it (cached, refreshed on save), and the home page's TTHC box.</summary>
public abstract class PortalSettingsTests(AppFixture app) : AppTests(app)
{
    private const string Url = "/staff/portal/settings";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string? user = "EditorInChief@291")
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        return user is null ? client : client.As(user);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, params (string Field, string Value)[] values)
    {
        var form = await Html.GetAsync(client, Url);
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        foreach (var (field, value) in values)
        {
            fields.Set("Input." + field, value);
        }

        return await Html.PostAsync(client, Url, fields);
    }

    [Fact]
    public async Task Footer_ShowsTheDemoSettings_OnPublicPages()
    {
        using var anonymous = Client(null);
        var home = await Html.GetAsync(anonymous, "/");
        var footer = Html.Texts(home, "footer.site-footer p:not(.portal-contact)");
        Assert.Contains("bbt.namsach@example.vn", home.QuerySelector("footer .portal-contact")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [
                "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH",
                "Cơ quan chủ quản: UBND huyện Nam Sách",
                "Trưởng Ban biên tập: Ông Vũ Quang Hoàng - Huyện ủy viên, Phó Chủ tịch UBND huyện",
                "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 20/GP-STTTT",
                "Ngày 10/2/2017 của Sở Thông tin và Truyền thông tỉnh Hải Dương",
            ],
            footer);
        Assert.DoesNotContain("Mã nguồn mở theo giấy phép MIT", home.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsTheTthcBoxOfThePortalUnit_WithADashForAnEmptyMonth()
    {
        using var anonymous = Client(null);
        var home = await Html.GetAsync(anonymous, "/");
        var box = home.QuerySelector("section.procedure-stats")!;
        Assert.Equal("KẾT QUẢ GIẢI QUYẾT TTHC", box.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("—", box.QuerySelector(".procedure-stats-headline")!.TextContent.Trim());
        Assert.Equal(["Số hồ sơ xử lý:", "Trước & đúng hạn:", "Trễ hạn:", "Trễ hạn:"], Html.Texts(box, "dt"));
        Assert.Equal(["0", "0", "0", "—"], Html.Texts(box, "dd"));
        Assert.Contains("Chưa có hồ sơ được xử lý trong kỳ.", box.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ChangesTheFooterAtOnce_IsAudited_AndTheBoxFollowsTheUnit()
    {
        using var client = Client();
        using var anonymous = Client(null);
        Assert.Contains("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH", (await Html.GetAsync(anonymous, "/")).QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        try
        {
            var saved = await SaveAsync(client, ("PortalName", "CỔNG THÔNG TIN ĐIỆN TỬ XÃ NAM HƯNG"), ("GoverningAgency", "Cơ quan chủ quản: UBND xã Nam Hưng"), ("Email", "bbt@namhung.example"), ("UnitCode", "10609"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            var home = await Html.GetAsync(anonymous, "/");
            var footer = home.QuerySelector("footer")!.TextContent;
            Assert.Contains("CỔNG THÔNG TIN ĐIỆN TỬ XÃ NAM HƯNG", footer, StringComparison.Ordinal);
            Assert.Contains("Cơ quan chủ quản: UBND xã Nam Hưng", footer, StringComparison.Ordinal);
            Assert.Contains("bbt@namhung.example", footer, StringComparison.Ordinal);
            Assert.DoesNotContain("HUYỆN NAM SÁCH", footer, StringComparison.Ordinal);

            // Nam Hưng's latest demo month (8/2021) is in the box now.
            var box = home.QuerySelector("section.procedure-stats")!;
            Assert.Contains("8/2021", box.QuerySelector(".procedure-stats-period")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(PortalDemo.Figures(1, 19).Processed.ToString(System.Globalization.CultureInfo.InvariantCulture), box.QuerySelector("dd[data-figure=processed]")!.TextContent.Trim());
            Assert.EndsWith("%", box.QuerySelector("dd[data-figure=latePercent]")!.TextContent.Trim(), StringComparison.Ordinal);

            await using var scope = Scope();
            var entry = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().AuditEntries.AsNoTracking()
                .Where(e => e.Module == "Portal").OrderByDescending(e => e.Sequence).FirstAsync(Ct);
            Assert.Equal("10609", entry.UnitCode);
        }
        finally
        {
            var restored = await SaveAsync(client, ("PortalName", PortalDemo.Settings.PortalName), ("GoverningAgency", PortalDemo.Settings.GoverningAgency!), ("Email", PortalDemo.Settings.Email!), ("UnitCode", "291"));
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }
    }

    [Fact]
    public async Task BadInput_IsRedisplayedInVietnamese_AndNothingChanges()
    {
        using var client = Client();
        var response = await SaveAsync(client, ("PortalName", ""), ("Email", "không-phải-email"), ("UnitCode", "99999"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Html.Texts(await Html.ParseAsync(response), ".errors li");
        Assert.Contains("Tên cổng thông tin không được để trống.", errors);
        Assert.Contains("Thư điện tử không đúng định dạng.", errors);

        response = await SaveAsync(client, ("UnitCode", "99999"));
        Assert.Contains("Không có đơn vị hành chính mã 99999.", Html.Texts(await Html.ParseAsync(response), ".errors li"));

        var form = await Html.GetAsync(client, Url);
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        fields.Set("Input.Version", "0");
        fields.Set("Input.PortalName", "Cổng cũ");
        response = await Html.PostAsync(client, Url, fields);
        Assert.Contains("Thông tin cổng đã được người khác sửa", string.Join(" ", Html.Texts(await Html.ParseAsync(response), ".errors li")), StringComparison.Ordinal);

        using var anonymous = Client(null);
        Assert.Contains("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH", (await Html.GetAsync(anonymous, "/")).QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PortalEditor@291", HttpStatusCode.Forbidden)]
    [InlineData("CommunePolice@10606", HttpStatusCode.Forbidden)]
    [InlineData("SystemAdministrator@291", HttpStatusCode.OK)]
    public async Task OnlyEditorInChiefAndAdministrator_OpenTheSettings(string user, HttpStatusCode expected)
    {
        using var client = Client(user);
        Assert.Equal(expected, (await client.GetAsync(Url, Ct)).StatusCode);
    }
}

public sealed class PortalSettingsTestsOnSqlite(SqliteDemoApp app) : PortalSettingsTests(app), IClassFixture<SqliteDemoApp>;

public sealed class PortalSettingsTestsOnPostgreSql(PostgreSqlDemoApp app) : PortalSettingsTests(app), IClassFixture<PostgreSqlDemoApp>;

/// <summary>Without settings (a fresh deployment) the generic ToanDan footer shows and the home page has no TTHC box.</summary>
public abstract class PortalWithoutSettingsTests(AppFixture app) : AppTests(app)
{
    [Fact]
    public async Task Footer_IsTheGenericOne()
    {
        using var client = Factory.CreateClient();
        var home = await Html.GetAsync(client, "/");
        Assert.Contains("Mã nguồn mở theo giấy phép MIT", home.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.Null(home.QuerySelector("section.procedure-stats"));
    }
}

public sealed class PortalWithoutSettingsTestsOnSqlite(SqliteEmptyApp app) : PortalWithoutSettingsTests(app), IClassFixture<SqliteEmptyApp>;

public sealed class PortalWithoutSettingsTestsOnPostgreSql(PostgreSqlEmptyApp app) : PortalWithoutSettingsTests(app), IClassFixture<PostgreSqlEmptyApp>;

using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ToanDan.E2E.Infrastructure;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Demo;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// A commune police officer turns on two-step verification, signs out, and signs in again with a code from the
/// authenticator app (computed here from the key the page shows), then signs out. The officer is an account of its
/// own (CommunePolice on 10606, made with the app's CreateUser slice): turning two-step verification on for a shared
/// demo account such as conganxa would change how every later journey of the run signs in.
/// </summary>
public sealed class TwoFactorJourneyTests(E2EApp app) : JourneyTests(app)
{
    private const string Officer = "conganxa-2fa";

    [Fact]
    public async Task SignIn_WithTwoFactor_SeesStaffHome_ThenSignsOut()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(new CreateUser.Command
            {
                UserName = Officer,
                FullName = "Cán bộ Công an xã Nam Sách (kiểm thử hai bước)",
                Password = DemoAccounts.Password,
                Roles = [(StaffRole.CommunePolice, "10606")],
                IsDemo = true,
            }, TestContext.Current.CancellationToken);
            Assert.True(created.IsSuccess, created.IsSuccess ? "" : created.Errors[0].Message);
        }

        await SignInAsync(Officer);
        await ScreenshotAsync("1-staff-home");

        await OpenAsync("/staff/tai-khoan/xac-thuc-hai-buoc");
        var key = (await Page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Expect(Page.Locator("img.qr")).ToBeVisibleAsync();
        await ScreenshotAsync("2-enrol");
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await Page.GetByLabel("Nhập mã 6 chữ số ứng dụng hiển thị").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
        await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await ScreenshotAsync("3-recovery-codes");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));

        // Sign in again: password, then the code of the moment.
        await OpenAsync("/dang-nhap");
        await Page.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync(Officer);
        await Page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(ToanDan.Web.Infrastructure.Demo.DemoAccounts.Password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/dang-nhap/xac-thuc-hai-buoc"));
        await ScreenshotAsync("4-second-step");
        await Page.GetByLabel("Mã xác thực").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/staff$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Trang nghiệp vụ");
        await Expect(Page.Locator("main")).ToContainTextAsync("Công an xã — Xã Nam Sách");
        await ScreenshotAsync("5-staff-home-after-2fa");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        await OpenAsync("/staff/tai-khoan/doi-mat-khau", new() { WaitUntil = WaitUntilState.Load });
        await Expect(Page).ToHaveURLAsync(new Regex("/dang-nhap"));
    }
}

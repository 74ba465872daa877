using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using ToanDan.E2E.Infrastructure;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Tips.Public;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Demo;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// A citizen reports a crime anonymously with a photo and keeps the receipt code; an officer of the commune
/// reads the tip and replies; the citizen opens the tip with the code and reads the reply.
/// </summary>
public sealed class TipsJourneyTests(E2EApp app) : JourneyTests(app)
{
    [Fact]
    public async Task Citizen_ReportsAnonymouslyWithPhoto_OfficerReplies_CitizenReadsReplyWithCode()
    {
        var ct = TestContext.Current.CancellationToken;

        // The demo's accounts are of 2021; a tip sent today goes to a commune of today's tree: give it an officer.
        string commune;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var area = await scope.ServiceProvider.GetRequiredService<PublicUnits>().GetAsync(ct);
            commune = area!.Communes[0].Code;
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(new CreateUser.Command
            {
                UserName = "conganxa-e2e",
                FullName = "Cán bộ Công an xã (kiểm thử)",
                Password = DemoAccounts.Password,
                Roles = [(StaffRole.CommunePolice, commune)],
                IsDemo = true,
            }, ct);
            Assert.True(created.IsSuccess);
        }

        await OpenAsync("/to-giac");
        await Expect(Page.Locator("#identity-fields")).ToBeHiddenAsync();
        await Page.GetByLabel("Sự việc đã xảy ra (ai, làm gì, hậu quả)").FillAsync("Tối nào cũng có người lạ giao nhận gói nhỏ ở bãi đất trống cạnh trường học (kiểm thử).");
        await Page.Locator("#Input_UnitCode").SelectOptionAsync(commune);
        await Page.Locator("#Input_Category").SelectOptionAsync("Drugs");
        await Page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "bai-dat.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Page.Locator("#Input_Warned").CheckAsync();
        await ScreenshotAsync("1-form");

        // A person takes longer than the form's minimum fill time (5 s); so does this journey.
        await Task.Delay(TimeSpan.FromSeconds(5.5), ct);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gửi tin báo" }).ClickAsync();
        await Expect(Page.Locator("[data-receipt-code]")).ToBeVisibleAsync();
        var code = (await Page.Locator("[data-receipt-code]").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", code);
        await ScreenshotAsync("2-receipt");

        // The officer.
        var officerContext = await App.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync("/dang-nhap");
        await officer.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync("conganxa-e2e");
        await officer.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await officer.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/staff$"));
        await officer.GotoAsync("/staff/tips");
        await officer.Locator("table.tips tbody tr").First.Locator("a").First.ClickAsync();
        await Expect(officer.Locator(".narrative")).ToContainTextAsync("bãi đất trống cạnh trường học");
        await Expect(officer.Locator(".tip-files img")).ToBeVisibleAsync();
        await E2EApp.ScreenshotAsync(officer, "3-officer-tip");
        await officer.GetByLabel("Nội dung (người báo tin đọc được bằng mã tra cứu)").FillAsync("Cảm ơn bạn. Công an xã đã tiếp nhận và đang xác minh.");
        await officer.Locator("form[action*='step=Message'] button").ClickAsync();
        await Expect(officer.Locator(".notice")).ToContainTextAsync("Đã gửi tin nhắn cho người báo tin.");
        await officerContext.DisposeAsync();

        // The citizen follows up with the code.
        await OpenAsync("/tra-cuu");
        await Page.GetByLabel("Mã tra cứu").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("Công an xã đã tiếp nhận và đang xác minh.");
        await Expect(Page.Locator("main")).ToContainTextAsync("bai-dat.jpg");
        await ScreenshotAsync("4-citizen-reads-reply");
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.DarkOliveGreen);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}

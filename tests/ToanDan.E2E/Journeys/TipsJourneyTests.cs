using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;
using ToanDan.E2E.Infrastructure;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Public;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Demo;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// A citizen (no cookies, no account) reports a crime anonymously with a photo and keeps the receipt code; a police
/// officer of the commune (CommunePolice on 10606, the commune of the demo account <c>conganxa</c> — thị trấn Nam
/// Sách, a code that goes on as xã Nam Sách in the 2025 tree) finds the tip, sees the photo and replies; the
/// citizen opens the tip with the code and reads the reply.
/// </summary>
public sealed class TipsJourneyTests(E2EApp app) : JourneyTests(app)
{
    /// <summary>The commune of the demo account conganxa (DemoAccounts.cs).</summary>
    private const string Commune = "10606";

    /// <summary>
    /// The officer's account: a CommunePolice role on <see cref="Commune"/>, made with the app's own CreateUser slice.
    /// An account of its own, so the journey does not depend on what other journeys of the run do to the demo accounts.
    /// </summary>
    private const string Officer = "conganxa-tips";

    [Fact]
    public async Task Citizen_ReportsAnonymouslyWithPhoto_OfficerReplies_CitizenReadsReplyWithCode()
    {
        var ct = TestContext.Current.CancellationToken;
        TimeSpan minimumFill;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The tip goes to a commune of today's tree: the demo officer's commune must be one the form offers.
            var area = await scope.ServiceProvider.GetRequiredService<PublicUnits>().GetAsync(ct);
            Assert.NotNull(area);
            Assert.Contains(area.Communes, c => c.Code == Commune);
            minimumFill = TimeSpan.FromSeconds(scope.ServiceProvider.GetRequiredService<IOptions<TipsOptions>>().Value.MinimumFillSeconds);
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(new CreateUser.Command
            {
                UserName = Officer,
                FullName = "Cán bộ Công an xã Nam Sách (kiểm thử)",
                Password = DemoAccounts.Password,
                Roles = [(StaffRole.CommunePolice, Commune)],
                IsDemo = true,
            }, ct);
            Assert.True(created.IsSuccess, created.IsSuccess ? "" : created.Errors[0].Message);
        }

        // The citizen: a fresh context without cookies, anonymous.
        Assert.Empty(await Page.Context.CookiesAsync());
        await OpenAsync("/to-giac");
        var served = Stopwatch.StartNew();
        await Expect(Page.Locator("#identity-fields")).ToBeHiddenAsync();
        await Expect(Page.Locator("#Website")).Not.ToBeInViewportAsync();
        await Page.GetByLabel("Sự việc đã xảy ra (ai, làm gì, hậu quả)").FillAsync("Tối nào cũng có người lạ giao nhận gói nhỏ ở bãi đất trống cạnh trường học (kiểm thử).");
        await Page.Locator("#Input_UnitCode").SelectOptionAsync(Commune);
        await Page.Locator("#Input_Category").SelectOptionAsync("Drugs");
        await Page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "bai-dat.png", MimeType = "image/png", Buffer = Photo() });
        await Page.Locator("#Input_Warned").CheckAsync();
        await ScreenshotAsync("1-form");

        // The form refuses posts sooner than Tips:MinimumFillSeconds after it was served (a signed time stamp);
        // the app runs with the production default and the real clock, so the journey waits like a person would.
        var left = minimumFill - served.Elapsed + TimeSpan.FromMilliseconds(500);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, ct);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Gửi tin báo" }).ClickAsync();
        await Expect(Page.Locator("[data-receipt-code]")).ToBeVisibleAsync();
        var code = (await Page.Locator("[data-receipt-code]").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", code);
        await ScreenshotAsync("2-receipt");

        // The commune officer signs in in another browser context and finds the new tip of the commune.
        var officerContext = await App.NewContextAsync();
        try
        {
            var officer = await officerContext.NewPageAsync();
            await officer.GotoAsync("/dang-nhap");
            await officer.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync(Officer);
            await officer.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(DemoAccounts.Password);
            await officer.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Expect(officer).ToHaveURLAsync(new Regex("/staff$"));
            await officer.GotoAsync("/staff/tips");
            await officer.Locator("#status").SelectOptionAsync("New");
            await officer.Locator("#channel").SelectOptionAsync("Web");
            await officer.Locator("#unit").FillAsync(Commune);
            await officer.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();

            // Only this journey sends tips (the demo's are of 2020 and handled): one new web tip of the commune.
            var rows = officer.Locator("table.tips tbody tr");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToContainTextAsync("Mới tiếp nhận");
            await rows.First.Locator("a").First.ClickAsync();
            await Expect(officer.Locator(".narrative")).ToContainTextAsync("bãi đất trống cạnh trường học");
            await Expect(officer.Locator(".tip-files")).ToContainTextAsync("bai-dat.png");
            var photo = officer.Locator(".tip-files img");
            await Expect(photo).ToBeVisibleAsync();
            Assert.Equal(320, await NaturalWidthAsync(photo, ct));
            await E2EApp.ScreenshotAsync(officer, "3-officer-tip");
            await officer.GetByLabel("Nội dung (người báo tin đọc được bằng mã tra cứu)").FillAsync("Cảm ơn bạn. Công an xã đã tiếp nhận và đang xác minh.");
            await officer.Locator("form[action*='step=Message'] button").ClickAsync();
            await Expect(officer.Locator(".notice")).ToContainTextAsync("Đã gửi tin nhắn cho người báo tin.");
        }
        finally
        {
            await officerContext.DisposeAsync();
        }

        // The citizen follows up with the code.
        await OpenAsync("/tra-cuu");
        await Page.GetByLabel("Mã tra cứu").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(Page.Locator(".tip-message.from-police")).ToContainTextAsync("Công an xã đã tiếp nhận và đang xác minh.");
        await Expect(Page.Locator("main")).ToContainTextAsync("bai-dat.png");
        await ScreenshotAsync("4-citizen-reads-reply");
    }

    /// <summary>The width of the image as the browser decoded it (0 while loading or when it failed), waited for up to 10 s.</summary>
    private static async Task<int> NaturalWidthAsync(ILocator image, CancellationToken ct)
    {
        var width = 0;
        for (var attempt = 0; attempt < 40 && width == 0; attempt++)
        {
            width = await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            if (width == 0)
            {
                await Task.Delay(250, ct);
            }
        }

        return width;
    }

    /// <summary>A 320×240 PNG drawn here: a field and a path, no metadata to strip.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.DarkOliveGreen);
            using var paint = new SKPaint { Color = SKColors.Tan };
            canvas.DrawRect(140, 0, 40, 240, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

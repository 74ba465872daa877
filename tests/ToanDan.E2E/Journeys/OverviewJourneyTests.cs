using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ToanDan.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// The district officer (conganhuyen) opens the per-commune overview of Nam Sách for 2020 from the staff menu, follows a
/// cell to the module page, and reads the same table on a phone: one card per commune, nothing wider than the screen,
/// no axe violation.
/// </summary>
public sealed class OverviewJourneyTests(E2EApp app) : JourneyTests(app)
{
    [Fact]
    public async Task DistrictOfficer_ReadsTheOverview_OnADesktopAndOnAPhone()
    {
        await SignInAsync("conganhuyen");
        await Page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Tổng hợp theo xã" }).ClickAsync();
        await Page.GetByLabel("Mã đơn vị (xã, huyện, tỉnh)").FillAsync("291");
        await Page.GetByLabel("Năm", new() { Exact = true }).FillAsync("2020");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("năm 2020");
        await Expect(Page.Locator("tr.overview-commune")).ToHaveCountAsync(19);
        await Expect(Page.Locator("tr.overview-total")).ToHaveAttributeAsync("data-maintained", "88");
        await Expect(Page.Locator("tr.overview-total")).ToHaveAttributeAsync("data-places-recognised", "120");
        await Expect(Page.Locator("tr.overview-total")).ToHaveAttributeAsync("data-certified", "7");
        await ScreenshotAsync("1-desktop");

        var axe = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));

        // On a phone: each commune is a card of labelled figures, and the page does not scroll sideways.
        await Page.SetViewportSizeAsync(390, 844);
        var header = Page.Locator("table.overview-table thead");
        Assert.True((await header.BoundingBoxAsync())!.Height <= 2, "The table header should be hidden on a phone.");
        var fits = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
        Assert.True(fits, "The overview is wider than a 390 px phone screen.");
        var label = await Page.Locator("tr.overview-commune").First.Locator("td").First
            .EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
        Assert.Contains("Mô hình duy trì", label, StringComparison.Ordinal);
        await ScreenshotAsync("2-phone");

        // A cell opens the module page for that commune and year.
        await Page.SetViewportSizeAsync(1280, 800);
        var row = Page.Locator("tr.overview-commune[data-commune='10639']");
        await row.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/staff/models\?Filter\.Unit=10639&Filter\.Year=2020&Filter\.Status=Active$"));

        // Under today's tree, xã Trần Phú's 2020 line adds up the five communes it was made from, each shown below it.
        await OpenAsync("/staff/reports/overview?unit=10633&year=2020&tree=current");
        await Expect(Page.Locator("tr.overview-part[data-of='10633']")).ToHaveCountAsync(5);
        await ScreenshotAsync("3-current-tree");
    }
}

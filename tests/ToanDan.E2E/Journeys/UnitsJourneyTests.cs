using System.Text.RegularExpressions;
using ToanDan.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// Staff browse the administrative units: signed in as the Nam Sách district officer, from the navigation to the search, then to huyện
/// Nam Sách as it was on 1 July 2021. Written to the pages' contract: /staff/units with a search input
/// named q labelled "Tìm đơn vị", and /staff/units/{code}?asOf=yyyy-MM-dd listing the child units.
/// </summary>
public sealed class UnitsJourneyTests(E2EApp app) : JourneyTests(app)
{
    [Fact]
    public async Task Units_SearchNamSachThenOpenIn2021_ListsItsNineteenUnits()
    {
        await SignInAsync("conganhuyen");
        var navigation = Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Đơn vị hành chính", Exact = true });
        var units = await Page.RunAndWaitForResponseAsync(() => navigation.ClickAsync(), r => r.Request.IsNavigationRequest);
        await ScreenshotAsync("1-units");
        Assert.True(units.Ok, $"GET {units.Url} answered {units.Status} {units.StatusText}.");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/staff/units/?(\?.*)?$"));

        var search = Page.Locator("main").GetByLabel("Tìm đơn vị");
        await Expect(search).ToHaveAttributeAsync("name", "q");
        await search.FillAsync("nam sach");

        // Huyện Nam Sách is a unit of the three-level tree: search the tree as it was on 1 July 2021.
        await Page.Locator("main").GetByLabel("Vào ngày").FillAsync("2021-07-01");
        await search.PressAsync("Enter");

        // A search is a GET (bookmarkable); waiting for its URL keeps the next step off the previous page.
        await Expect(Page).ToHaveURLAsync(new Regex(@"/staff/units/?\?(.*&)?q=nam(\+|%20)sach"));
        var namSach = Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Huyện Nam Sách", Exact = true }).First;
        await Expect(namSach).ToBeVisibleAsync();
        await ScreenshotAsync("2-search");

        await namSach.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/staff/units/291(\?.*)?$"));
        await ScreenshotAsync("3-unit");

        await OpenAsync("/staff/units/291?asOf=2021-07-01");
        var main = Page.Locator("main");

        // The innermost list (or table body) holding both units is the list of children; one item per unit.
        var children = main.Locator("ul, ol, tbody")
            .Filter(new() { Has = Page.GetByText("Xã Quốc Tuấn") })
            .Filter(new() { Has = Page.GetByText("Thị trấn Nam Sách") })
            .Last;
        await Expect(children).ToBeVisibleAsync();
        await Expect(children.Locator(":scope > li, :scope > tr")).ToHaveCountAsync(19);
        await ScreenshotAsync("4-unit-2021");
    }
}

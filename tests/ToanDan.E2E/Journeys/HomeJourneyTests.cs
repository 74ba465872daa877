using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ToanDan.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>The public home page in a real browser.</summary>
public sealed class HomeJourneyTests(E2EApp app) : JourneyTests(app)
{
    [Fact]
    public async Task Home_OnDemoDatabase_ShowsTitleAndDemoBanner()
    {
        await OpenAsync("/");

        await Expect(Page.Locator("h1")).ToContainTextAsync("Toàn dân bảo vệ an ninh Tổ quốc");

        // The fixture's database was made by --demo, so every page says its figures are not official.
        await Expect(Page.GetByText(new Regex("dữ liệu minh họa", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();
        await ScreenshotAsync("1-home");
    }

    [Fact]
    public async Task Home_Loaded_RequestsNothingOutsideTheServer()
    {
        // The portal must work offline (and leak no visits to third parties): no CDN, font or analytics host.
        var requests = new ConcurrentQueue<string>();
        var broken = new ConcurrentQueue<string>();
        Page.Request += (_, request) => requests.Enqueue(request.Url);
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                broken.Enqueue($"{response.Status} {response.Url}");
            }
        };
        Page.RequestFailed += (_, request) => broken.Enqueue($"{request.Failure} {request.Url}");

        await OpenAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await ScreenshotAsync("1-home");

        Assert.NotEmpty(requests);
        var foreign = requests.Where(url => !IsLocal(url)).ToList();
        Assert.True(foreign.Count == 0, "The home page requested other hosts: " + string.Join(", ", foreign));

        // And everything it loads (the stylesheet…) is really served by the application.
        Assert.True(broken.IsEmpty, "The home page has broken requests: " + string.Join(", ", broken));
    }

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);

        // data: and blob: URLs never leave the browser.
        return uri.Scheme is "data" or "blob" || (uri.Scheme is "http" or "https" or "ws" or "wss" && uri.Host == "127.0.0.1");
    }
}

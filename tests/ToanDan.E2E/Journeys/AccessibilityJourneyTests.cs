using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ToanDan.E2E.Infrastructure;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright, WCAG 2.x A and AA rules and best practices) on the public pages a citizen
/// reads: home, the seed article, its print view and search results. Any violation fails the test and is listed with its elements.
/// </summary>
public sealed class AccessibilityJourneyTests(E2EApp app) : JourneyTests(app)
{
    public static TheoryData<string> PublicPages() => new()
    {
        "/",
        "/tin-tuc/" + NamSachNewsDemo.SeedSlug,
        "/tin-tuc/" + NamSachNewsDemo.SeedSlug + "/in",
        "/tim-kiem?q=toan+dan+bao+ve",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoAxeViolations(string path)
    {
        await OpenAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {path}:\n{report}");
        Assert.NotEmpty(result.Passes);
    }
}

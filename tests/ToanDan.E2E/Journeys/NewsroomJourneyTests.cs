using System.Text.RegularExpressions;
using ToanDan.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// The newsroom in a real browser: the editor (bientap) drafts and submits, the editor-in-chief (truongban) approves
/// and publishes, and a citizen finds the article on the home page, reads it and prints it.
/// </summary>
public sealed class NewsroomJourneyTests(E2EApp app) : JourneyTests(app)
{
    private const string Title = "Công an xã ra quân tuần tra đêm bảo đảm an ninh dịp Tết";

    [Fact]
    public async Task EditorDrafts_ChiefPublishes_CitizenReadsAndPrints()
    {
        // 1. The editor writes a draft and submits it.
        await SignInAsync("bientap");
        await OpenAsync("/staff/news/new");
        var form = Page.Locator("main form[method=post]");
        await form.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(Title);
        await form.GetByLabel("Sapo").FillAsync("Đêm 20/01, lực lượng công an xã phối hợp tổ bảo vệ an ninh trật tự tuần tra các tuyến đường liên thôn.");
        await form.GetByLabel("Nội dung (Markdown)").FillAsync("Buổi tuần tra có **24 người** tham gia.\n\nKhông có vụ việc phức tạp nào xảy ra.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/staff/news/[0-9a-f-]{36}$"));
        var editUrl = Page.Url;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Expect(Page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Submitted");
        await ScreenshotAsync("1-submitted");

        // 2. The editor-in-chief approves and publishes it, in a session of their own.
        await using (var chiefContext = await App.NewContextAsync())
        {
            var chief = await chiefContext.NewPageAsync();
            await SignInAsync(chief, "truongban");
            await chief.GotoAsync(editUrl);
            await chief.GetByRole(AriaRole.Link, new() { Name = "Duyệt và xuất bản" }).ClickAsync();
            await chief.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();

            // Each step goes back to the article's page.
            await Expect(chief.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", "Approved");
            await chief.GetByRole(AriaRole.Link, new() { Name = "Duyệt và xuất bản" }).ClickAsync();
            await chief.GetByRole(AriaRole.Button, new() { Name = "Xuất bản ngay" }).ClickAsync();
            await Expect(chief.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", "Published");
        }

        // 3. A citizen (no cookies) sees it on the home page — the cached home was evicted by the publication.
        await using var citizenContext = await App.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/");
        var link = citizen.GetByRole(AriaRole.Link, new() { Name = Title });
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Expect(citizen.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(citizen.Locator(".article-body strong")).ToHaveTextAsync("24 người");
        var articlePath = await E2EApp.ScreenshotAsync(citizen, "2-article");

        // 4. Search without diacritics from the header's search box finds it first, with the words highlighted.
        var searchBox = citizen.Locator("header").GetByRole(AriaRole.Searchbox);
        await searchBox.FillAsync("cong an xa ra quan tuan tra");
        await searchBox.PressAsync("Enter");
        await Expect(citizen).ToHaveURLAsync(new Regex(@"/tim-kiem\?q=cong\+an\+xa\+ra\+quan\+tuan\+tra"));
        var first = citizen.Locator("ol.search-results > li").First.GetByRole(AriaRole.Link);
        await Expect(first).ToHaveTextAsync(Title);
        await Expect(first.Locator("mark").First).ToHaveTextAsync("Công");
        await E2EApp.ScreenshotAsync(citizen, "3-search");
        await first.ClickAsync();
        await Expect(citizen.Locator("h1")).ToHaveTextAsync(Title);

        // 5. The print view: the article without menus, with the portal's name and the article's address.
        await citizen.GetByRole(AriaRole.Link, new() { Name = "In trang" }).ClickAsync();
        await Expect(citizen).ToHaveURLAsync(new Regex("/in$"));
        await Expect(citizen.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(citizen.Locator(".print-portal")).ToContainTextAsync("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH");
        await Expect(citizen.Locator(".print-url")).ToContainTextAsync("/tin-tuc/");
        await Expect(citizen.Locator("nav")).ToHaveCountAsync(0);
        var printPath = await E2EApp.ScreenshotAsync(citizen, "4-print");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots: {articlePath} and {printPath}");
        Console.WriteLine($"Screenshots: {articlePath} and {printPath}");
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(ToanDan.Web.Infrastructure.Demo.DemoAccounts.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff$"));
    }
}

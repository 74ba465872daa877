namespace ToanDan.E2E.Infrastructure;

/// <summary>Base of the journeys: a fresh browser context and page per test, closed afterwards.</summary>
public abstract class JourneyTests(E2EApp app) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected E2EApp App => app;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    public virtual async ValueTask InitializeAsync()
    {
        app.RequireAvailable();
        _context = await app.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a path of the application and fails unless it answers 200.</summary>
    protected async Task<IResponse> OpenAsync(string path, PageGotoOptions? options = null)
    {
        var response = await Page.GotoAsync(path, options) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Ok, $"GET {path} answered {response.Status} {response.StatusText}.");
        return response;
    }

    /// <summary>Signs in through the sign-in page with a demo account (demo password) and waits for the staff home.</summary>
    protected async Task SignInAsync(string userName)
    {
        await OpenAsync("/dang-nhap");
        await Page.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync(userName);
        await Page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(ToanDan.Web.Infrastructure.Demo.DemoAccounts.Password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff$"));
    }

    /// <summary>Saves a full-page screenshot of the current page (see <see cref="E2EApp.ScreenshotAsync"/>).</summary>
    protected Task<string> ScreenshotAsync(string step) => E2EApp.ScreenshotAsync(Page, step);
}

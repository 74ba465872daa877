using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.E2E.Infrastructure;
using ToanDan.Web;

[assembly: AssemblyFixture(typeof(E2EApp))]

namespace ToanDan.E2E.Infrastructure;

/// <summary>
/// One run of the real application on Kestrel (http://127.0.0.1, a free port) over a fresh demo SQLite
/// database, and one headless Chromium driven by Playwright, shared by every journey of the run.
/// A browser cannot reach WebApplicationFactory's in-memory TestServer, hence the real host.
/// When Chromium is missing the fixture starts nothing and <see cref="RequireAvailable"/> skips each
/// journey (or fails it under CI=true).
/// </summary>
public sealed class E2EApp : IAsyncLifetime
{
    /// <summary>Overrides the browser executable (default /usr/bin/chromium, Debian's package).</summary>
    public const string ChromiumVariable = "TOANDAN_CHROMIUM";

    private const string DefaultChromium = "/usr/bin/chromium";

    // Chromium must never phone home: the machine (and a deployed portal) may be offline.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"toandan-e2e-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public E2EApp()
    {
        ChromiumPath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"E2E tests skipped: no Chromium at {ChromiumPath} (apt-get install -y chromium, or set {ChromiumVariable}); .ci/run installs it.";
        }
    }

    /// <summary>The browser executable used.</summary>
    public string ChromiumPath { get; }

    /// <summary>Why the journeys cannot run here, or null when they can.</summary>
    public string? UnavailableReason { get; }

    /// <summary>Where the application listens, e.g. http://127.0.0.1:40123 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running application's services (to prepare data a journey needs, e.g. an account).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException(UnavailableReason ?? "E2E fixture not initialised.");

    /// <summary>The shared browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(UnavailableReason ?? "E2E fixture not initialised.");

    /// <summary>True when CI=true: a missing browser is then a failure, not a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder of the screenshots taken by the journeys, under the test output directory.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            return;
        }

        await StartApplicationAsync();

        // Belt and braces: the launch below names an executable, so Playwright has nothing to download anyway.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotFolder);

        // Two cores shared with the other test assemblies: give assertions more than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    private async Task StartApplicationAsync()
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:ToanDan=Data Source={_databaseFile}",
            $"--Media:Path={_databaseFile}.media",

            // The journeys read the browser, not the server log; keep the test output for warnings.
            "--Logging:LogLevel:Default=Warning",

            // The build output has no wwwroot folder (files come through the static web assets manifest,
            // below), which the static files middleware would report on every run.
            "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error",
        ];

        _app = ToanDanApp.Build(args, demo: true);

        // Outside Development the host serves wwwroot only from published output. The tests run from the build
        // output, so map the source wwwroot through the build's static web assets manifest, as Development does.
        StaticWebAssetsLoader.UseStaticWebAssets(_app.Environment, _app.Configuration);

        // StartAsync runs the start-up tasks (migration and demo seeding, ~8 s) before it returns.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _app.StartAsync(timeout.Token);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no http://127.0.0.1 address: " + string.Join(", ", addresses));
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: the file is in the temp folder.
            }
        }
    }

    /// <summary>Skips the current test when Chromium is missing; under CI=true a missing browser fails it.</summary>
    public void RequireAvailable()
    {
        if (UnavailableReason is { } reason)
        {
            if (InCi)
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }
    }

    /// <summary>A fresh browser context (own cookies) on the application, in Vietnamese.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        RequireAvailable();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Saves a full-page screenshot as screenshots/{test}-{step}.png, evidence for reviewers; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var name = string.Create(CultureInfo.InvariantCulture, $"{test}-{step}.png");
        var path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.WebEncoders;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Media;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.Portal.Caching;
using ToanDan.Web.Features.ProcedureStats;
using ToanDan.Web.Features.ProcedureStats.Api;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Reports.Api;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Api;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Data;
using ToanDan.Web.Infrastructure.Demo;
using ToanDan.Web.Infrastructure.Email;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web;

/// <summary>Builds the web application: services, middleware and endpoints. Shared by the web host, the CLI and the tests.</summary>
public static class ToanDanApp
{
    /// <summary>Builds the application. <paramref name="forCommand"/> skips start-up work that only the web host needs.</summary>
    public static WebApplication Build(string[] args, bool demo, bool forCommand = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ToanDanApp).Assembly.GetName().Name,
            ContentRootPath = ContentRoot(),
        });
        // `dotnet run` outside Development serves from the build output: map the build's static web assets
        // (wwwroot and its pre-compressed copies). A published app has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        if (demo)
        {
            // The demo runs on http://localhost and lets a newcomer look around without an authenticator app.
            builder.Configuration["Demo:Enabled"] = "true";
            builder.Configuration["Security:RequireTwoFactorForSensitiveRoles"] = "false";
            builder.Configuration["Security:RequireHttps"] = "false";
        }

        if (forCommand)
        {
            // Commands print their own results; only warnings and errors go to the log.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft"] = "Warning",
                ["Logging:LogLevel:ToanDan"] = "Warning",
                ["Startup:Disabled"] = "true",
            });
        }

        ConfigureServices(builder);
        var app = builder.Build();
        if (!forCommand)
        {
            ConfigurePipeline(app);
        }

        return app;
    }

    /// <summary>
    /// The content root: the folder of the app's files (wwwroot, data/admin-units). <c>dotnet run</c> from the
    /// repository root and a published binary started from anywhere both find them.
    /// </summary>
    private static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        if (Directory.Exists(Path.Combine(current, "wwwroot")))
        {
            return current;
        }

        var project = Path.Combine(current, "src", "ToanDan.Web");
        return Directory.Exists(Path.Combine(project, "wwwroot")) ? project : AppContext.BaseDirectory;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // First hosted service: migrations and demo data are in place before any other service starts
        // (the data-protection key ring, for one, reads its keys from the database at start).
        services.AddHostedService<StartupTasks>();
        services.AddSingleton(TimeProvider.System);
        services.AddToanDanDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                AuthorizationSetup.AddPageConventions(o);
            })
            .AddMvcOptions(o => VietnameseBindingMessages.Apply(o.ModelBindingMessageProvider));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddHealthChecks().AddDbContextCheck<ToanDanDb>("database");
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<StaffMenu>();
        services.AddSingleton<DemoSeeder>();
        services.AddScoped<DemoBanner>();
        services.AddEmail(builder.Configuration);
        services.AddAccounts(builder.Configuration);
        services.AddStaffAuthorization();
        services.AddSecurityBaseline(builder.Configuration);
        services.AddUnits();
        services.AddReports();
        services.AddAuditModule();
        services.AddNews();
        services.AddProcedureStats();
        services.AddPortal();
        services.AddMedia();
        services.AddModels(builder.Configuration);
        services.AddSafety(builder.Configuration);
        services.AddScoring();
        services.AddTips(builder.Configuration);
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        // Anonymous, cookie-less GETs of public pages the cache already holds are answered here (PortalFastPath).
        app.UsePortalFastPath();
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/loi");
        if (app.Configuration.GetValue("Security:RequireHttps", true) && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
        app.UseRequestLocalization(Localization.Options());
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UsePortalCaching();

        // Fingerprinted file names (site.{hash}.css) served with "immutable" and a year's max-age; the tag helpers
        // of the pages (asp-append-version / ~/ links) resolve to them through WithStaticAssets.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapMediaFiles();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapUnitsApi().AllowAnonymous();
        app.MapAnnualReportApi().RequireAuthorization(ReportsPermissions.ViewAnnual);
        app.MapLanguageSwitch().AllowAnonymous();
        app.MapPortalFeeds();
        app.MapProcedureStatsApi().RequireAuthorization(ProcedureStatsPermissions.Edit);

        // An address that matches nothing is a 404 page (or problem) for everyone. Without this endpoint the
        // deny-by-default policy would send anonymous visitors of a mistyped address to the sign-in page.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
    }

    /// <summary>Starts the web host, prints where to open it, and waits for shutdown.</summary>
    public static async Task<int> RunAsync(WebApplication app, bool demo)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"ToanDan đang chạy tại {url}");
        if (demo)
        {
            Console.WriteLine("Chế độ minh họa: dữ liệu huyện Nam Sách (Hải Dương) 2020–2021.");
            Console.WriteLine($"Đăng nhập tại {url}/dang-nhap — {DemoSeeder.LoginHint}");
        }

        Console.WriteLine("Nhấn Ctrl+C để dừng.");
        await app.WaitForShutdownAsync();
        return 0;
    }
}

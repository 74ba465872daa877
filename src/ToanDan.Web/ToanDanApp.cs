using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.WebEncoders;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Reports.Api;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Api;
using ToanDan.Web.Infrastructure.Data;
using ToanDan.Web.Infrastructure.Demo;
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
        if (demo)
        {
            builder.Configuration["Demo:Enabled"] = "true";
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
        services.AddSingleton(TimeProvider.System);
        services.AddToanDanDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o => VietnameseBindingMessages.Apply(o.ModelBindingMessageProvider));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddHealthChecks().AddDbContextCheck<ToanDanDb>("database");
        services.AddLocalization();
        services.AddSingleton<DemoSeeder>();
        services.AddScoped<DemoBanner>();
        services.AddHostedService<StartupTasks>();
        services.AddUnits();
        services.AddReports();
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/loi");
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("vi-VN")
            .AddSupportedCultures("vi-VN", "en")
            .AddSupportedUICultures("vi-VN", "en"));
        app.UseRouting();
        app.MapStaticAssets();
        app.MapRazorPages();
        app.MapHealthChecks("/healthz");
        app.MapUnitsApi();
        app.MapAnnualReportApi();
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
            Console.WriteLine($"Trang nghiệp vụ: {url}/staff/units — {DemoSeeder.LoginHint}");
        }

        Console.WriteLine("Nhấn Ctrl+C để dừng.");
        await app.WaitForShutdownAsync();
        return 0;
    }
}

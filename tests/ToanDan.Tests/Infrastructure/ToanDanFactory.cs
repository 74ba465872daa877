using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ToanDan.Tests.Infrastructure;

/// <summary>The real application over a test database, with a fake clock set to 2026-11-29 09:00 Vietnam time.</summary>
public sealed class ToanDanFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabaseTarget _target;
    private readonly string _connectionString;

    public ToanDanFactory(TestDatabaseTarget target, string connectionString)
    {
        _target = target;
        _connectionString = connectionString;

        // HTTPS like production, so Secure cookies flow in tests.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>The instant every test application starts at, and the demo templates are seeded at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The clock the application sees; tests may move it.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    public string ConnectionString => _connectionString;

    /// <summary>The media library's folder: a temporary one per application, removed with it.</summary>
    public string MediaPath { get; } = Path.Combine(Path.GetTempPath(), "toandan-media-" + Guid.NewGuid().ToString("N"));

    public TestDatabaseTarget Target => _target;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _target.Provider);
        builder.UseSetting("ConnectionStrings:ToanDan", _connectionString);
        builder.UseSetting("Database:AutoMigrate", "true");
        builder.UseSetting("Media:Path", MediaPath);

        // Dossier files of the Safety module go to a temporary folder, never into the source tree.
        builder.UseSetting("Safety:FilesFolder", Path.Combine(Path.GetTempPath(), "toandan-tests", "safety-files", Guid.NewGuid().ToString("N")));

        // Tip attachments too: a test that counts files must not see another class's uploads (the key file stays
        // shared, see TipsTestSetup; the demo has no tip attachments).
        builder.UseSetting("Tips:FilesFolder", Path.Combine(Path.GetTempPath(), "toandan-tests", "tips-files", Guid.NewGuid().ToString("N")));

        // Every test request comes from the same in-memory client address; rate limits have their own test.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Security:PublicFormsPerMinute", "10000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // The test sign-in travels in its own headers: like a cookie, they keep a request off the portal's fast path.
            services.PostConfigure<ToanDan.Web.Features.Portal.Caching.PortalFastPathOptions>(o =>
            {
                o.IdentityHeaders.Add(TestAuthHandler.UserHeader);
                o.IdentityHeaders.Add(TestAuthHandler.TwoFactorHeader);
            });
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestAuthHandler.SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestAuthHandler.UserHeader) ? TestAuthHandler.SchemeName : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestAuthHandler.SelectorScheme;
                o.DefaultAuthenticateScheme = TestAuthHandler.SelectorScheme;
                o.DefaultChallengeScheme = TestAuthHandler.SelectorScheme;
                o.DefaultForbidScheme = TestAuthHandler.SelectorScheme;
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaPath))
        {
            Directory.Delete(MediaPath, recursive: true);
        }
    }
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using ToanDan.Web.Data;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>Data-protection keys in the database, and the rate limits on sign-in and public forms.</summary>
public static class SecuritySetup
{
    /// <summary>Rate-limit policy for the sign-in and two-factor forms (POSTs per client address).</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>Rate-limit policy for public forms (POSTs per client address).</summary>
    public const string PublicFormLimit = "public-form";

    public static IServiceCollection AddSecurityBaseline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Keys live in the database so that every web node decrypts every cookie and form token.
        services.AddDataProtection().SetApplicationName("ToanDan").PersistKeysToDbContext<ToanDanDb>();

        var signInPerMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        var formsPerMinute = configuration.GetValue("Security:PublicFormsPerMinute", 5);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInLimit, context => PostsPerClient(context, signInPerMinute));
            options.AddPolicy(PublicFormLimit, context => PostsPerClient(context, formsPerMinute));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    private static RateLimitPartition<string> PostsPerClient(HttpContext context, int permitsPerMinute)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        // The address is the partition key in memory only; it is never stored.
        var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter(client.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}

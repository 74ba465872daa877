using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Infrastructure;

/// <summary>
/// Test sign-in by header: <c>X-Test-User: CommunePolice@10606,Leader@291</c> authenticates a user holding
/// those role assignments (with a second factor unless <c>X-Test-2fa: 0</c>). Requests without the header go
/// to the real Identity cookie, so real sign-in flows are tested too.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string SelectorScheme = "TestOrCookie";
    public const string UserHeader = "X-Test-User";
    public const string TwoFactorHeader = "X-Test-2fa";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[UserHeader].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Guid.Empty.ToString()),
            new(ClaimTypes.Name, "test-user"),
            new(StaffClaims.FullName, "Người dùng kiểm thử"),
        };
        claims.AddRange(header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => new Claim(StaffClaims.RoleAssignment, a)));
        if (Request.Headers[TwoFactorHeader].ToString() != "0")
        {
            claims.Add(new Claim(StaffClaims.TwoFactor, "1"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>Helpers to build requests as a given test user.</summary>
public static class TestUsers
{
    /// <summary>A district police officer of Nam Sách (2021): every Nam Sách commune is in scope, places editable.</summary>
    public const string NamSachOfficer = "DistrictPolice@291";

    /// <summary>Adds the test-user header to a client.</summary>
    public static HttpClient As(this HttpClient client, string assignments, bool twoFactor = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove(TestAuthHandler.UserHeader);
        client.DefaultRequestHeaders.Remove(TestAuthHandler.TwoFactorHeader);
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, assignments);
        if (!twoFactor)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.TwoFactorHeader, "0");
        }

        return client;
    }
}

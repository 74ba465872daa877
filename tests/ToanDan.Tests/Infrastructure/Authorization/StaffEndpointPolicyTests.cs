using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Infrastructure.Authorization;

/// <summary>Deny by default, checked by reflection over the compiled pages and the live endpoint table.</summary>
public class StaffEndpointPolicyTests
{
    private static readonly Assembly Web = typeof(AuthorizationSetup).Assembly;

    private static bool IsKnownPolicy(string? policy) =>
        policy == AuthorizationSetup.StaffPolicy || AuthorizationSetup.AllPermissions.Any(p => p.Name == policy);

    [Fact]
    public void EveryStaffPageModel_CarriesAPermissionOrStaffPolicy()
    {
        var staffPages = Web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && t.Namespace?.Split('.').Contains("Staff") == true)
            .ToList();
        Assert.NotEmpty(staffPages);
        foreach (var page in staffPages)
        {
            var attributes = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
            Assert.True(attributes.Count > 0, $"{page.FullName} has no [Authorize].");
            Assert.All(attributes, a => Assert.True(IsKnownPolicy(a.Policy), $"{page.FullName} uses unknown policy '{a.Policy}'."));
        }
    }

    [Fact]
    public void EveryPermission_IsGrantedToSomeRoleAndNamedByModule()
    {
        foreach (var permission in AuthorizationSetup.AllPermissions)
        {
            Assert.NotEmpty(permission.Roles);
            Assert.Matches("^[a-z]+(\\.[a-z]+)+$", permission.Name);
            Assert.False(string.IsNullOrWhiteSpace(permission.Vietnamese));
            Assert.False(string.IsNullOrWhiteSpace(permission.English));
        }
    }
}

/// <summary>The live endpoint table: anything under /staff or /api that is not explicitly public requires authorization.</summary>
public sealed class EndpointTableTests(SqliteEmptyApp app) : AppTests(app), IClassFixture<SqliteEmptyApp>
{
    /// <summary>Endpoints meant for everybody: the public reference data used by citizens' forms, the language switch, health.</summary>
    private static readonly string[] PublicApi = ["api/units", "api/units/{code}"];

    [Fact]
    public void EveryStaffAndApiEndpoint_RequiresAuthorization()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText?.Trim('/') ?? "";
            if (!route.StartsWith("staff", StringComparison.Ordinal) && !route.StartsWith("api", StringComparison.Ordinal))
            {
                continue;
            }

            checkedCount++;
            if (PublicApi.Contains(route))
            {
                Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                continue;
            }

            Assert.True(endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null, $"{route} allows anonymous access.");
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0, $"{route} has no authorization metadata.");
            Assert.Contains(policies, p => p != AuthorizationSetup.StaffPolicy && IsKnownPermission(p) || route.StartsWith("staff/tai-khoan", StringComparison.Ordinal) || route == "staff");
        }

        Assert.True(checkedCount >= 5, $"only {checkedCount} staff/api endpoints found");
    }

    private static bool IsKnownPermission(string? policy) => AuthorizationSetup.AllPermissions.Any(p => p.Name == policy);
}

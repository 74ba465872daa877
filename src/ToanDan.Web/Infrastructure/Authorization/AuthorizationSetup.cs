using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.ProcedureStats;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>
/// Deny by default: every endpoint needs a signed-in user unless it is opened explicitly; every page under a
/// module's <c>Staff/</c> folder needs the <see cref="StaffPolicy"/> and, on the page itself, a permission policy.
/// </summary>
public static class AuthorizationSetup
{
    /// <summary>Signed-in staff (at least one role, second factor where required).</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Every module's permissions. A new module adds its permission class here.</summary>
    public static IReadOnlyList<Permission> AllPermissions { get; } =
        [.. UnitsPermissions.All, .. ReportsPermissions.All, .. AccountsPermissions.All, .. AuditPermissions.All, .. NewsPermissions.All, .. ProcedureStatsPermissions.All, .. PortalPermissions.All, .. ModelsPermissions.All, .. SafetyPermissions.All, .. ScoringPermissions.All, .. TipsPermissions.All];

    public static IServiceCollection AddStaffAuthorization(this IServiceCollection services)
    {
        var catalog = new PermissionCatalog(AllPermissions);
        services.AddSingleton(catalog);
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, StaffHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorRedirect>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().AddRequirements(StaffRequirement.Instance));
        services.Configure<AuthorizationOptions>(options =>
        {
            foreach (var permission in catalog.All)
            {
                options.AddPolicy(permission.Name, p => p.RequireAuthenticatedUser()
                    .AddRequirements(StaffRequirement.Instance, new PermissionRequirement(permission.Name)));
            }
        });
        return services;
    }

    /// <summary>Public folders are opened explicitly; every <c>Staff/</c> page needs the staff policy.</summary>
    public static void AddPageConventions(Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The portal home page only: the folder also holds the staff home (Home/Staff), which must stay closed.
        options.Conventions.AllowAnonymousToPage("/Home/Index");
        options.Conventions.AllowAnonymousToFolder("/Errors");
        options.Conventions.AllowAnonymousToFolder("/Accounts/Public");
        options.Conventions.AllowAnonymousToFolder("/Portal/Public");
        options.Conventions.AllowAnonymousToFolder("/Tips/Public");
        options.Conventions.Add(new StaffFolderConvention());
    }

    private sealed class StaffFolderConvention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.ViewEnginePath.Contains("/Staff/", StringComparison.Ordinal))
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(StaffPolicy));
            }
        }
    }
}

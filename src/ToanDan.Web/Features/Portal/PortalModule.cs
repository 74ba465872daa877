using ToanDan.Web.Features.Portal.Caching;
using ToanDan.Web.Features.Portal.Staff;

namespace ToanDan.Web.Features.Portal;

/// <summary>Registers the Portal module.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<PortalSettingsQuery>();
        services.AddScoped<SavePortalSettings.Handler>();
        services.AddPortalCaching();
        return services;
    }
}

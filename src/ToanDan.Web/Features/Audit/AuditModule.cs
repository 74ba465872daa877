namespace ToanDan.Web.Features.Audit;

/// <summary>Registers the Audit module's slices (the trail itself is registered with the accounts, per request).</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddScoped<Staff.ListAuditEntries.Handler>();
        return services;
    }
}

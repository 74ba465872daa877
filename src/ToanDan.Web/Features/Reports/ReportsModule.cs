namespace ToanDan.Web.Features.Reports;

/// <summary>Registers the Reports module.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<UnitScopes>();
        services.AddScoped<BuildAnnualReport.Handler>();
        services.AddScoped<BuildCommuneOverview.Handler>();
        return services;
    }
}

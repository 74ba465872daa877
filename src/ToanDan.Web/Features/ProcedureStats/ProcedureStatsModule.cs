using ToanDan.Web.Features.ProcedureStats.Staff;
using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>Registers the ProcedureStats module.</summary>
public static class ProcedureStatsModule
{
    public static IServiceCollection AddProcedureStats(this IServiceCollection services)
    {
        services.AddScoped<ProcedureStatsQuery>();
        services.AddScoped<SaveProcedurePeriod.Handler>();
        services.AddScoped<ImportProcedurePeriods.Handler>();
        services.AddScoped<ListProcedurePeriods.Handler>();
        services.AddScoped<IAnnualFigureContributor, ProcedureStatsFigures>();
        return services;
    }
}

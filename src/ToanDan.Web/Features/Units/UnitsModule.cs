using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Units.Figures;
using ToanDan.Web.Features.Units.Import;

namespace ToanDan.Web.Features.Units;

/// <summary>Registers the Units module.</summary>
public static class UnitsModule
{
    public static IServiceCollection AddUnits(this IServiceCollection services)
    {
        services.AddScoped<UnitTree>();
        services.AddScoped<ImportUnitFile.Handler>();
        services.AddScoped<ImportUnitCatalogues.Handler>();
        services.AddScoped<IAnnualFigureContributor, UnitsFigures>();
        return services;
    }
}

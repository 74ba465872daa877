using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Units.Figures;
using ToanDan.Web.Features.Units.Import;
using ToanDan.Web.Features.Units.Staff;

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
        services.AddScoped<PlaceRules>();
        services.AddScoped<ListPlaces.Handler>();
        services.AddScoped<AddPlace.Handler>();
        services.AddScoped<EditPlace.Handler>();
        services.AddScoped<ImportPlaces.Handler>();
        return services;
    }
}

using ToanDan.Web.Features.Models.Staff;
using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.Models;

/// <summary>Registers the Models module.</summary>
public static class ModelsModule
{
    public static IServiceCollection AddModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ModelsOptions>(configuration.GetSection(ModelsOptions.Section));
        services.AddScoped<ModelAccess>();
        services.AddScoped<ModelStatistics>();
        services.AddScoped<ModelCatalogues>();
        services.AddScoped<ListModels.Handler>();
        services.AddScoped<SaveModel.Handler>();
        services.AddScoped<EditModelParts.Handler>();
        services.AddScoped<SaveExemplar.Handler>();
        services.AddScoped<SaveCatalogueEntry.Handler>();
        services.AddScoped<ImportModels.Handler>();
        services.AddScoped<IAnnualFigureContributor, ModelsFigures>();
        return services;
    }
}

using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.Safety;

/// <summary>Registers the Safety module ("An toàn về ANTT" certification).</summary>
public static class SafetyModule
{
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SafetyFileOptions>(configuration.GetSection("Safety"));
        services.AddSingleton<SafetyFileStore>();
        services.AddScoped<SafetyAccess>();
        services.AddScoped<SafetyResults>();
        services.AddScoped<RegisterSafety.Handler>();
        services.AddScoped<SaveSafetyDossier.Handler>();
        services.AddScoped<ChangeSafetyStatus.Handler>();
        services.AddScoped<UploadSafetyFile.Handler>();
        services.AddScoped<GetSafetyRecord.Handler>();
        services.AddScoped<ListSafetyRecords.Handler>();
        services.AddScoped<AddSafetyCriterion.Handler>();
        services.AddScoped<IAnnualFigureContributor, SafetyFigures>();
        return services;
    }
}

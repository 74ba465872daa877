using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Features.Tips.Public;
using ToanDan.Web.Features.Tips.Staff;

namespace ToanDan.Web.Features.Tips;

/// <summary>Registers the Tips module: keys, handlers, figures and the background job.</summary>
public static class TipsModule
{
    public static IServiceCollection AddTips(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TipsOptions>().Bind(configuration.GetSection("Tips"));
        services.AddSingleton<TipKeyRing>();
        services.AddSingleton<TipVault>();
        services.AddSingleton<ReceiptCodes>();
        services.AddSingleton<TipFileStore>();
        services.AddSingleton<LookupThrottle>();
        services.AddSingleton<FormStamp>();
        services.AddSingleton<TipIntake>();
        services.AddHostedService<TipIntakeShutdown>();
        services.AddScoped<TipsAccess>();
        services.AddScoped<PublicUnits>();
        services.AddScoped<SubmitTip.Handler>();
        services.AddScoped<TrackTip.Handler>();
        services.AddScoped<TipDetails.Handler>();
        services.AddScoped<HandleTip.Handler>();
        services.AddScoped<ListTips.Handler>();
        services.AddScoped<RevealIdentity.Handler>();
        services.AddScoped<TipsMaintenance>();
        services.AddScoped<IAnnualFigureContributor, TipsFigures>();
        services.AddHostedService<TipsJob>();
        return services;
    }
}

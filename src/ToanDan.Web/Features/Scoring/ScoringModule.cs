using ToanDan.Web.Features.Reports;

namespace ToanDan.Web.Features.Scoring;

/// <summary>Registers the Scoring module (movement scoring, QĐ 510/2022).</summary>
public static class ScoringModule
{
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddScoped<ScoringAccess>();
        services.AddScoped<ScoreSheetCatalogue>();
        services.AddScoped<ScoringResults>();
        services.AddScoped<OpenScoreCard.Handler>();
        services.AddScoped<ChangeScoreCard.Handler>();
        services.AddScoped<ListScoreCards.Handler>();
        services.AddScoped<SaveScoreSheet.Handler>();
        services.AddScoped<IAnnualFigureContributor, ScoringFigures>();
        return services;
    }
}

using ToanDan.Web.Features.News.Staff;

namespace ToanDan.Web.Features.News;

/// <summary>Registers the News module.</summary>
public static class NewsModule
{
    public static IServiceCollection AddNews(this IServiceCollection services)
    {
        services.AddSingleton<ArticleHtml>();
        services.AddScoped<PublishedArticles>();
        services.AddScoped<NewsAccess>();
        services.AddScoped<SaveArticle.Handler>();
        services.AddScoped<ChangeArticleStatus.Handler>();
        services.AddScoped<FeatureArticle.Handler>();
        services.AddScoped<ManageCategories.Handler>();
        services.AddScoped<ListArticles.Handler>();
        services.AddScoped<ArticleHistory.Handler>();
        return services;
    }
}

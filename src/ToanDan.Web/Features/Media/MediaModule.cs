namespace ToanDan.Web.Features.Media;

/// <summary>Registers the Media module (the newsroom's image library).</summary>
public static class MediaModule
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<MediaImages>();
        services.AddSingleton<MediaStorage>();
        services.AddScoped<UploadMedia.Handler>();
        services.AddScoped<DeleteMedia.Handler>();
        services.AddScoped<ListMedia.Handler>();
        return services;
    }
}

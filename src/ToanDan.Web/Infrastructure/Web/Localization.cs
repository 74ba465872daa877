using Microsoft.AspNetCore.Localization;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>Vietnamese first, English second; the choice is kept in a cookie set by <c>/ngon-ngu</c>.</summary>
public static class Localization
{
    /// <summary>Vietnamese (default) and English.</summary>
    public static readonly string[] Cultures = ["vi-VN", "en"];

    /// <summary>
    /// The request culture comes from <c>?culture=</c> or the cookie only, never from the browser's
    /// Accept-Language: the interface is Vietnamese unless the user asks otherwise.
    /// </summary>
    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Cultures[0])
            .AddSupportedCultures(Cultures)
            .AddSupportedUICultures(Cultures);
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary><c>GET /ngon-ngu?lang=vi|en&amp;returnUrl=/…</c> remembers the language for a year and goes back.</summary>
    public static RouteHandlerBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/ngon-ngu", (HttpContext context, string? lang, string? returnUrl) =>
        {
            var culture = lang == "en" ? "en" : "vi-VN";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
        });
}

using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;

namespace ToanDan.Web.Features.Portal.Caching;

/// <summary>
/// Marks a public page or feed of the portal: its anonymous GET responses are output-cached (tag
/// <see cref="PortalCache.Tag"/>, per language and response encoding), carry a content ETag answered with 304, and
/// may be compressed over HTTPS (they hold no secret). Signed-in users, requests with an Authorization header,
/// responses that set a cookie and anything but 200 are never stored. Put it on a page model beside
/// <c>[AllowAnonymous]</c>, or add it to a minimal endpoint with <c>WithMetadata(new PortalPageAttribute())</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PortalPageAttribute : Attribute, IOutputCachePolicy
{
    private const string GenerationItem = "ToanDan.PortalCache.Generation";

    /// <summary>True when the request may be answered from, and stored in, the portal cache.</summary>
    public static bool IsCacheable(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return HttpMethods.IsGet(request.Method)
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && context.User.Identity?.IsAuthenticated != true
            && !request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase);
    }

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var cache = http.RequestServices.GetRequiredService<PortalCache>();
        var cacheable = cache.Enabled && IsCacheable(http);
        context.EnableOutputCaching = cacheable;
        if (!cacheable)
        {
            return;
        }

        PortalFastPath.Watch(http);
        context.ResponseExpirationTimeSpan = await cache.PrepareAsync(http.RequestServices, cancellationToken);
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = context.ResponseExpirationTimeSpan > TimeSpan.Zero;
        context.AllowLocking = true;
        context.Tags.Add(PortalCache.Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["enc"] = Encoding(http);
        http.Items[GenerationItem] = cache.Generation;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        // A stored page served: the fast path in front may keep a copy for the rest of the entry's life.
        var http = context.HttpContext;
        if (http.Items[GenerationItem] is long generation)
        {
            PortalFastPath.MarkStorable(http, generation, context.ResponseExpirationTimeSpan ?? TimeSpan.Zero);
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cache = http.RequestServices.GetRequiredService<PortalCache>();
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || http.User.Identity?.IsAuthenticated == true
            || http.Items[GenerationItem] is not long generation
            || generation != cache.Generation)
        {
            // A page rendered while content changed may hold the old content: serve it, don't keep it.
            context.AllowCacheStorage = false;
        }
        else if (context.AllowCacheStorage)
        {
            PortalFastPath.MarkStorable(http, generation, context.ResponseExpirationTimeSpan ?? TimeSpan.Zero);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The encoding the compression middleware will choose for this request (it picks by Accept-Encoding), so
    /// that a Brotli body is never served to a client that asked for gzip or nothing.
    /// </summary>
    private static string Encoding(HttpContext context)
    {
        var provider = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return provider.CheckRequestAcceptsCompression(context) && provider.GetCompressionProvider(context) is { } chosen
            ? chosen.EncodingName
            : "identity";
    }
}

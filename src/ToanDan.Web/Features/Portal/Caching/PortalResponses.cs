using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ToanDan.Web.Features.Portal.Caching;

/// <summary>
/// HTTP caching of the portal: output cache (<see cref="PortalPageAttribute"/>), response compression (Brotli and
/// gzip for text), content ETags with 304 answers, and <c>Cache-Control: no-store</c> on every staff response.
/// </summary>
public static class PortalResponses
{
    /// <summary>Content types compressed (text only: images and archives are compressed already).</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "text/plain", "text/css", "text/xml", "text/csv", "text/javascript", "application/javascript",
        "application/json", "application/problem+json", "application/xml", "application/rss+xml", "image/svg+xml",
    ];

    public static IServiceCollection AddPortalCaching(this IServiceCollection services)
    {
        services.AddSingleton<PortalCache>();
        services.AddSingleton<PortalCacheInvalidator>();
        services.AddPortalFastPath();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<PortalCacheInvalidator>());
        services.AddOutputCache(o =>
        {
            // Pages are small; a runaway response is not worth keeping.
            o.MaximumBodySize = 4 * 1024 * 1024;
            o.SizeLimit = 64 * 1024 * 1024;
        });
        services.AddResponseCompression(o =>
        {
            // BREACH: over HTTPS only responses without secrets are compressed — the anonymous portal pages, which
            // opt in per response (PortalPageAttribute); staff pages carry antiforgery tokens and stay uncompressed.
            o.EnableForHttps = false;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });

        // Compressed once per cache entry, so the better ratio is worth the time.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Output cache, then compression, then ETags: a cache hit is served with no work below it.</summary>
    public static IApplicationBuilder UsePortalCaching(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        app.Use(static (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(static state =>
                {
                    var headers = ((HttpContext)state).Response.Headers;
                    headers.CacheControl = "no-store";
                    headers.Remove(HeaderNames.ETag);
                    return Task.CompletedTask;
                }, context);
                return next(context);
            }

            return context.GetEndpoint()?.Metadata.GetMetadata<PortalPageAttribute>() is not null && PortalPageAttribute.IsCacheable(context)
                ? WithETagAsync(context, next)
                : next(context);
        });
        return app;
    }

    /// <summary>
    /// Buffers the page, names it by a hash of its bytes (a weak ETag: the compressed and plain bodies are the same
    /// content) and answers 304 when the client already has it. The output cache stores the ETag with the page and
    /// answers later 304s itself.
    /// </summary>
    private static async Task WithETagAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.Compress;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length > 0)
        {
            var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            var tag = new EntityTagHeaderValue("\"" + Base64Url.EncodeToString(hash.AsSpan(0, 16)) + "\"", isWeak: true);
            response.Headers.ETag = tag.ToString();
            response.Headers.CacheControl = "no-cache";
            if (Matches(context.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;

                // Not a page to keep: the output cache stores 200s only.
                return;
            }

            response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>True when the request's If-None-Match names <paramref name="tag"/> (weak comparison) or is "*".</summary>
    internal static bool Matches(HttpRequest request, EntityTagHeaderValue tag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
    }
}

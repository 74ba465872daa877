using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace ToanDan.Web.Features.Media;

/// <summary>
/// <c>GET /media/{id}/{width}.{jpg|png}</c>: a stored copy, public (articles show them), cached for a year as
/// immutable — an item never changes, a new upload gets a new id. Only parsed values reach the file system.
/// </summary>
public static partial class MediaFiles
{
    /// <summary>One year, the longest lifetime caches honour.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    [GeneratedRegex("^(?<width>[0-9]{1,4})\\.(?<ext>jpg|png)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FilePattern();

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/media/{id:guid}/{file}", (HttpContext context, Guid id, string file, MediaStorage storage) =>
        {
            var match = FilePattern().Match(file);
            if (!match.Success)
            {
                return Results.NotFound();
            }

            var width = int.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture);
            var extension = match.Groups["ext"].Value;
            var path = storage.PathOf(id, width, extension);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = CacheControl;
            var tag = new EntityTagHeaderValue($"\"{id:N}-{width}\"");
            return Results.File(path, extension == "png" ? "image/png" : "image/jpeg", lastModified: info.LastWriteTimeUtc, entityTag: tag);
        }).AllowAnonymous();
        return routes;
    }
}

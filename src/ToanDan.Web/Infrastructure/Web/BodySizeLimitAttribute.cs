using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>
/// Caps the request body of an upload page. A request that declares a larger body gets 413 (the friendly
/// "Tệp quá lớn" page) before anything reads it; without this, antiforgery validation would read the form
/// first and fail with a vague 400. A body that does not declare its length is cut off by the server at the cap.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BodySizeLimitAttribute(long bytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public long Bytes => bytes;

    /// <summary>Before antiforgery validation and every other authorization filter.</summary>
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.Request.ContentLength > bytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }
    }
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ToanDan.Web.Features.Tips.Privacy;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// Caps the request of a page that takes a tip and its files at <see cref="AttachmentPolicy.MaxRequestBytes"/>
/// (413, "Tệp quá lớn", before anything reads it) and raises the form's per-field limit above the default 4 MB,
/// so that an over-long text reaches the handler and gets its Vietnamese message instead of a bare 400 from the
/// form reader. Runs before antiforgery validation, which reads the form first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TipFormLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The longest single form value read (a text far over every field's limit still fits, and is refused by the handler).</summary>
    public const int ValueLengthLimit = 16 * 1024 * 1024;

    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        if (http.Request.ContentLength > AttachmentPolicy.MaxRequestBytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = AttachmentPolicy.MaxRequestBytes;
        }

        if (http.Request.HasFormContentType)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                ValueLengthLimit = ValueLengthLimit,
                MultipartBodyLengthLimit = AttachmentPolicy.MaxRequestBytes,
            }));
        }
    }
}

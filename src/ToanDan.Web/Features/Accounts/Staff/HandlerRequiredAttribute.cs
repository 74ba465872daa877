using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Answers 405 (the friendly "not supported" page) to a request for which the page has no handler, such as a
/// POST to a page that only has named POST handlers. Razor Pages would otherwise render the page without
/// running any handler, with none of its data loaded.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HandlerRequiredAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }
}

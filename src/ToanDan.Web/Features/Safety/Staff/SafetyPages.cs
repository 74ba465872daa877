using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>How the Safety and Scoring pages answer a failed use case: 404, 403, or the page again with the message (409 for a conflict, 422 for bad input).</summary>
public static class SafetyPages
{
    /// <summary>Maps <paramref name="errors"/> to a result; <paramref name="page"/> re-renders the form with the messages.</summary>
    public static IActionResult Fail(PageModel model, IReadOnlyList<Error> errors, Func<IActionResult> page)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(page);
        if (errors.Any(e => e.Code == ErrorCodes.NotFound))
        {
            return model.NotFound();
        }

        if (errors.Any(e => e.Code == ErrorCodes.Forbidden))
        {
            model.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            model.Response.StatusCode = errors.Any(e => e.Code == ErrorCodes.Conflict) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }

        foreach (var error in errors)
        {
            model.ModelState.AddModelError("", error.Message);
        }

        return page();
    }

    /// <summary>The year from a query value, or the current year.</summary>
    public static int YearOr(int? year, DateOnly today) => year is >= 2000 and <= 2100 ? year.Value : today.Year;
}

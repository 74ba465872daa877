using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>Copies the errors of a failed <see cref="Result{T}"/> into ModelState so that forms redisplay them.</summary>
public static class ModelStateErrors
{
    /// <summary>
    /// Adds each error under <c>prefix.Field</c> when its field is one of <paramref name="formFields"/>, otherwise
    /// as a form-level error (key ""), so that every message reaches the page.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<Error> errors, string prefix, IReadOnlySet<string> formFields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(formFields);
        foreach (var error in errors)
        {
            var key = error.Field is { } field && formFields.Contains(field) ? $"{prefix}.{field}" : "";
            modelState.AddModelError(key, error.Message);
        }
    }
}

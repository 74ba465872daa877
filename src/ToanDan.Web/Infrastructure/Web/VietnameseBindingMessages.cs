using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>
/// Model-binding messages in Vietnamese (MVC's defaults are English), e.g. a date field that received "abc".
/// The field name is its [Display] name.
/// </summary>
public static class VietnameseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ cho {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của {field} không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} phải là một số.");
        messages.SetValueMustNotBeNullAccessor(value => $"Giá trị “{value}” không được để trống.");
    }
}

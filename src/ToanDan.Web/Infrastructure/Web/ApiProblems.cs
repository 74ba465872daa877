using Microsoft.AspNetCore.Http.HttpResults;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>Maps expected errors to RFC 9457 problem responses with a Vietnamese detail.</summary>
public static class ApiProblems
{
    /// <summary>400 for a bad query parameter.</summary>
    public static ProblemHttpResult BadRequest(string detail, string? parameter = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ",
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>Maps the first error of a failed result to 400, 404 or 409.</summary>
    public static ProblemHttpResult From(IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var error = errors[0];
        var (status, title) = error.Code switch
        {
            ErrorCodes.NotFound => (StatusCodes.Status404NotFound, "Không tìm thấy"),
            ErrorCodes.Conflict => (StatusCodes.Status409Conflict, "Xung đột dữ liệu"),
            _ => (StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ"),
        };
        return TypedResults.Problem(detail: string.Join(" ", errors.Select(e => e.Message)), statusCode: status, title: title,
            extensions: error.Field is null ? null : new Dictionary<string, object?> { ["parameter"] = error.Field });
    }
}

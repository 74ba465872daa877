using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.ProcedureStats.Api;

/// <summary>
/// <c>POST /api/procedure-stats</c>: pushes (upserts) monthly counters. <c>application/json</c> takes one object
/// <c>{unit, year, month, received, processed, onTimeOrEarly, late}</c> and answers the stored record;
/// <c>text/csv</c> takes a header row with those names and one row per period, saves all rows or none, and
/// answers the stored records. Field errors are 400 problems naming the field (<c>parameter</c>); a unit outside
/// the caller's scope is 404; any other content type is 415.
/// </summary>
public static class ProcedureStatsApi
{
    /// <summary>Largest body accepted (a CSV of a few thousand rows).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteHandlerBuilder MapProcedureStatsApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/procedure-stats", PostAsync).WithTags("ProcedureStats").WithName("PushProcedureStats").DisableAntiforgery();

    /// <summary>The JSON body; every field is required.</summary>
    public sealed record Body(string? Unit, int? Year, int? Month, int? Received, int? Processed, int? OnTimeOrEarly, int? Late);

    internal static async Task<Results<Ok<SaveProcedurePeriod.Saved>, Ok<IReadOnlyList<SaveProcedurePeriod.Saved>>, ProblemHttpResult>> PostAsync(
        HttpRequest request, SaveProcedurePeriod.Handler handler, ImportProcedurePeriods.Handler import, ClaimsPrincipal user, CancellationToken ct)
    {
        var mediaType = request.ContentType is { } type ? type.Split(';')[0].Trim().ToLowerInvariant() : "";
        if (mediaType is not ("application/json" or "text/csv"))
        {
            return TypedResults.Problem(detail: "Chỉ nhận nội dung application/json hoặc text/csv (có dòng tiêu đề).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Kiểu nội dung không được hỗ trợ");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return ApiProblems.BadRequest($"Nội dung lớn hơn {MaxBodyBytes / 1024} KB.");
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var length = await reader.ReadBlockAsync(buffer, ct);
        if (length > MaxBodyBytes)
        {
            return ApiProblems.BadRequest($"Nội dung lớn hơn {MaxBodyBytes / 1024} KB.");
        }

        var text = new string(buffer, 0, length);
        if (mediaType == "text/csv")
        {
            var imported = await import.HandleAsync(text, user, ct);
            return imported.IsSuccess ? TypedResults.Ok(imported.Value) : ApiProblems.From(imported.Errors);
        }

        Body? body;
        try
        {
            body = JsonSerializer.Deserialize<Body>(text, Json);
        }
        catch (JsonException ex)
        {
            // Well-formed JSON with a value of the wrong type names its field; anything else is malformed.
            var field = IsWellFormed(text) ? FieldOf(ex.Path) : null;
            return field switch
            {
                null => ApiProblems.BadRequest("Nội dung JSON sai định dạng."),
                "unit" => ApiProblems.BadRequest("Trường unit phải là chuỗi mã đơn vị, ví dụ \"10606\".", field),
                _ => ApiProblems.BadRequest($"Trường {field} phải là một số nguyên.", field),
            };
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("Thiếu nội dung JSON.");
        }

        if (string.IsNullOrWhiteSpace(body.Unit))
        {
            return ApiProblems.BadRequest("Thiếu mã đơn vị (unit).", "unit");
        }

        var result = await handler.HandleAsync(ToCommand(body), user, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiProblems.From(NameFields(result.Errors));
    }

    internal static SaveProcedurePeriod.Command ToCommand(Body body) => new()
    {
        UnitCode = body.Unit ?? "",
        Year = body.Year,
        Month = body.Month,
        Received = body.Received,
        Processed = body.Processed,
        OnTimeOrEarly = body.OnTimeOrEarly,
        Late = body.Late,
    };

    /// <summary>Errors with their field in the API's camelCase names (<c>onTimeOrEarly</c>, <c>unit</c>).</summary>
    internal static IReadOnlyList<Error> NameFields(IReadOnlyList<Error> errors) =>
        errors.Select(e => e.Field is { } f ? e with { Field = JsonNamingPolicy.CamelCase.ConvertName(f) } : e).ToList();

    private static bool IsWellFormed(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? FieldOf(string? path)
    {
        // "$.received" → "received"
        if (string.IsNullOrEmpty(path) || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path[2..];
        return name.Length > 0 && name.All(char.IsAsciiLetter) ? JsonNamingPolicy.CamelCase.ConvertName(name) : null;
    }

    /// <summary>Used by the CSV paths: parses a non-negative or negative integer written without separators.</summary>
    internal static int? ParseCount(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}

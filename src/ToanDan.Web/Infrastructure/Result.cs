namespace ToanDan.Web.Infrastructure;

/// <summary>An expected failure: a stable code, a message for the user and, for form input, the field it concerns.</summary>
/// <param name="Code">Stable machine-readable code such as <c>not_found</c> or <c>validation</c>.</param>
/// <param name="Message">Message in the user's language.</param>
/// <param name="Field">The input field the error belongs to, if any.</param>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public static Error NotFound(string message) => new(ErrorCodes.NotFound, message);

    public static Error Validation(string message, string? field = null) => new(ErrorCodes.Validation, message, field);

    public static Error Conflict(string message, string? field = null) => new(ErrorCodes.Conflict, message, field);
}

/// <summary>Well-known <see cref="Error.Code"/> values.</summary>
public static class ErrorCodes
{
    public const string NotFound = "not_found";
    public const string Validation = "validation";
    public const string Conflict = "conflict";
    public const string Forbidden = "forbidden";
}

/// <summary>The outcome of a use case: a value, or one or more expected errors.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<Error> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        Errors = errors;
    }

    public bool IsSuccess => Errors.Count == 0;

    public IReadOnlyList<Error> Errors { get; }

    /// <summary>The value of a successful result.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(params Error[] errors) => new(errors);

    public static Result<T> Failure(IReadOnlyList<Error> errors) => new(errors);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}

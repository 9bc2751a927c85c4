namespace ReturnLoop.Infrastructure;

/// <summary>
/// A rule of the product said no. Carries the stable machine code of api.md and the HTTP status
/// it maps to; <see cref="ProblemDetailsMapping"/> turns it into problem details in one place.
/// </summary>
public sealed class DomainError(int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>When to try again, sent as <c>Retry-After</c> (lockouts, rate limits).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static DomainError NotFound(string what = "resource") =>
        new(StatusCodes.Status404NotFound, "not_found", $"The {what} does not exist.");

    public static DomainError Forbidden(string message) =>
        new(StatusCodes.Status403Forbidden, "forbidden", message);

    public static DomainError StateNotAllowed(string action, object state) =>
        new(StatusCodes.Status409Conflict, "state.not_allowed", $"'{action}' is not allowed while the status is {state}.");

    public static DomainError Conflict(string message = "A concurrent change won; retry the request.") =>
        new(StatusCodes.Status409Conflict, "conflict", message);

    /// <summary>A business rule refused the request (422).</summary>
    public static DomainError Rule(string code, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, code, message);

    public static DomainError Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "validation.failed", "One or more fields are invalid.", errors);

    public static DomainError Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}

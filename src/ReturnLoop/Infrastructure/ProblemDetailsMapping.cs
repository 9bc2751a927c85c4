using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReturnLoop.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem details with a stable <c>code</c>.
/// Clients never see a stack trace; unexpected errors are logged and answered as <c>internal</c>.
/// </summary>
public static class ProblemDetailsMapping
{
    public static IServiceCollection AddProblemDetailsMapping(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            ctx.ProblemDetails.Extensions.TryAdd("code", DefaultCode(status));
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ExceptionToProblem>();
        return services;
    }

    public static string DefaultCode(int status) => status switch
    {
        400 => "validation.failed",
        401 => "auth.required",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "request.too_large",
        415 => "unsupported_media_type",
        _ => status >= 500 ? "internal" : "error",
    };

    /// <summary>Writes a problem answer from code outside an endpoint (authentication, middleware).</summary>
    public static Task WriteProblemAsync(
        this HttpContext http, int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = Title(status), Detail = detail, Extensions = { ["code"] = code } };
        if (extensions is not null) foreach (var (k, v) in extensions) problem.Extensions[k] = v;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    /// <summary>A problem result for an endpoint that answers a refusal without throwing.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(
        DomainError error, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Errors is not null) ext["errors"] = error.Errors;
        if (extensions is not null) foreach (var (k, v) in extensions) ext[k] = v;
        return TypedResults.Problem(error.Message, statusCode: error.Status, title: Title(error.Status), extensions: ext);
    }

    /// <summary>Whole seconds, rounded up, never 0: a client that waits that long is not refused again for the same reason.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Too large",
        415 => "Unsupported media type",
        422 => "Refused by a business rule",
        429 => "Too many requests",
        _ => "Error",
    };

    // SQLite result codes (https://sqlite.org/rescode.html); the extended ones tell which constraint failed.
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraintPrimaryKey = 1555, SqliteConstraintUnique = 2067;

    /// <summary>A write lost a race (another request changed or inserted the same thing first).</summary>
    public static bool IsConflict(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        // Only a duplicate key or a busy/locked database is a race; a CHECK, NOT NULL or foreign key violation is a
        // bug that no retry can fix, so it surfaces as 500 at once.
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
            || (s.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked,
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    private sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, code, detail, errors) = exception switch
            {
                DomainError e => (e.Status, e.Code, e.Message, e.Errors),
                BadHttpRequestException { StatusCode: 413 } => (413, "request.too_large", "The request body is too large.", null),
                BadHttpRequestException { StatusCode: 415 } => (415, "unsupported_media_type",
                    "This route takes another content type (JSON, or multipart/form-data for uploads).", null),
                BadHttpRequestException b => (400, "validation.failed",
                    "The request could not be read: malformed JSON, a missing body or a value of the wrong type.", FieldOf(b)),
                _ when IsConflict(exception) => (409, "conflict", "A concurrent change won; retry the request.", null),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested =>
                    (499, "cancelled", "The client went away.", null),
                _ => (500, "internal", "An unexpected error occurred. It has been logged.", (IReadOnlyDictionary<string, string[]>?)null),
            };
            if (status == 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);

            http.Response.StatusCode = status;
            if (exception is DomainError { RetryAfter: { } wait }) http.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
            var problem = new ProblemDetails { Status = status, Title = Title(status), Detail = detail, Extensions = { ["code"] = code } };
            if (errors is not null) problem.Extensions["errors"] = errors;
            return await problems.TryWriteAsync(
                new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }

        /// <summary>Names the field a JSON error is about ($.lines[0].quantity → lines[0].quantity), without echoing types.</summary>
        private static IReadOnlyDictionary<string, string[]>? FieldOf(BadHttpRequestException e)
        {
            if (e.InnerException is not JsonException json) return null;
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return new Dictionary<string, string[]> { [path] = ["Malformed or of the wrong type."] };
        }
    }
}

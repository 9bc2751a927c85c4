using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using ReturnLoop.Features.Accounts;
using Scalar.AspNetCore;

namespace ReturnLoop.Infrastructure;

public static class ApiSetup
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Enum values travel as the PascalCase names of domain.md; numbers are not accepted for them.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
        });
        // Binding failures (malformed JSON, wrong types) reach the exception handler and become validation.failed.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetailsMapping();
        builder.Services.AddOpenApi(ApiDocument.Configure);
        builder.Services.AddSingleton<TimeProvider>(new MicrosecondClock());
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        return builder;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and the API reference page at /scalar.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("ReturnLoop API"));
        return app;
    }
}

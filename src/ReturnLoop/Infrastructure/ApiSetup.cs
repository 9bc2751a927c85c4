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
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "ReturnLoop API";
                doc.Info.Description = "Distribution after-sales between suppliers and distributors. Authenticate with 'Authorization: Bearer <api key>'. "
                    + "Errors are RFC 9457 problem details with a stable 'code'. Money is an exact decimal in the owning object's 'currency'.";
                doc.Components ??= new();
                doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes["ApiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
                {
                    Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key: 'Authorization: Bearer rl_…'",
                };
                doc.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("ApiKey", doc)] = [] }];
                return Task.CompletedTask;
            });
            // Money is decimal, never a double: say so in the schema.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(decimal)) schema.Format = "decimal";
                return Task.CompletedTask;
            });
        });
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

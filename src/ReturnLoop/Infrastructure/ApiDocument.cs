using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ReturnLoop.Infrastructure.Idempotency;

namespace ReturnLoop.Infrastructure;

/// <summary>
/// Makes /openapi/v1.json tell the truth, so that clients generated from it compile and work: one schema per type
/// under a unique name, required request fields non-nullable, enums as their names, money as decimals, the bearer key
/// only where a route wants it, and every route's problem answers.
/// </summary>
public static class ApiDocument
{
    public const string SecuritySchemeId = "ApiKey";
    private const string ProblemSchemaId = "ProblemDetails";
    private const string Multipart = "multipart/form-data";

    /// <summary>
    /// True while <c>dotnet build</c> runs the app only to write the document (Microsoft.Extensions.ApiDescription.Server
    /// starts Program through GetDocument.Insider): then nothing may touch a database.
    /// </summary>
    public static bool IsBuildTimeGeneration => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void Configure(OpenApiOptions o)
    {
        // Which CLR type each component schema describes, for the document transformer below.
        var types = new ConcurrentDictionary<string, Type>();
        o.CreateSchemaReferenceId = info => SchemaId(info, types);
        o.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            // Money is decimal, never a double: say so in the schema.
            if (type == typeof(decimal)) schema.Format = "decimal";
            // The UTC converter hides the type from the schema exporter; it is an ISO 8601 string.
            if (type == typeof(DateTimeOffset))
            {
                schema.Type = JsonSchemaType.String | (type == context.JsonTypeInfo.Type ? 0 : JsonSchemaType.Null);
                schema.Format = "date-time";
            }
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            // An empty list overrides any default: sign-up and the platforms' webhooks need no key.
            operation.Security = anonymous ? [] : [BearerKey(context.Document)];
            DeclareFile(operation, metadata);
            if (!anonymous) DeclareIdempotencyKey(operation, context.Description.HttpMethod);
            DeclareProblems(operation, context.Description.RelativePath ?? "", context.Description.HttpMethod, anonymous, context.Document);
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = "ReturnLoop API";
            document.Info.Description = "Distribution after-sales between suppliers and distributors. "
                + "Authenticate with 'Authorization: Bearer <api key>'. Errors are RFC 9457 problem details with a stable 'code'. "
                + "Money is an exact decimal in the owning object's 'currency'.";
            // The server's own address is wherever it runs; a committed document must not name the build machine's.
            document.Servers = [];
            // The bearer requirement is per operation (above), so anonymous routes do not inherit it.
            document.Security = null;
            AddSecurityScheme(document);
            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var requestTypes = RequestTypes(context.DescriptionGroups.SelectMany(g => g.Items), types);
            foreach (var (id, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (schema is not OpenApiSchema s) continue;
                if (s.Enum is { Count: > 0 }) EnumByName(s);
                if (id == ProblemSchemaId) DescribeProblem(s);
                if (types.TryGetValue(id, out var type) && s.Properties is { Count: > 0 })
                    MarkRequired(s, json.GetTypeInfo(type), requestTypes.Contains(type));
            }
            AddHealth(document);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The default name, prefixed by the declaring types of a nested one: every use case's <c>Request</c> gets its own
    /// schema (<c>CreateAfterSalesOrderRequest</c>) instead of all of them sharing one.
    /// </summary>
    private static string? SchemaId(JsonTypeInfo info, ConcurrentDictionary<string, Type> types)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null) return null;
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        for (var declaring = type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType) id = declaring.Name + id;
        var known = types.GetOrAdd(id, type);
        if (known != type) throw new InvalidOperationException($"Schema '{id}' would describe both {known} and {type}.");
        return id;
    }

    /// <summary>The types a client sends (request bodies) and those they contain.</summary>
    private static HashSet<Type> RequestTypes(IEnumerable<Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription> descriptions,
        ConcurrentDictionary<string, Type> schemaTypes)
    {
        var known = schemaTypes.Values.ToHashSet();
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(descriptions.SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body).Select(p => p.Type));
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var element = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments().LastOrDefault() : null;
            if (element is not null && type != typeof(string)) pending.Push(element);
            if (!known.Contains(type) || !found.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) pending.Push(property.PropertyType);
        }
        return found;
    }

    /// <summary>
    /// A field marked <see cref="RequiredAttribute"/> is required and never null. The request records declare every
    /// field nullable so that one check can report all missing fields at once (400 validation.failed with
    /// <c>errors</c>); the document still tells a client what it must send. Other nullable fields of a request may be
    /// left out; answers always carry every field, null or not.
    /// </summary>
    private static void MarkRequired(OpenApiSchema schema, JsonTypeInfo info, bool isRequest)
    {
        schema.Required ??= new HashSet<string>();
        foreach (var property in info.Properties)
        {
            if (!schema.Properties!.TryGetValue(property.Name, out var propertySchema)) continue;
            if (IsMarkedRequired(property))
            {
                schema.Required.Add(property.Name);
                schema.Properties[property.Name] = WithoutNull(propertySchema);
            }
            else if (isRequest && (property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null))
            {
                schema.Required.Remove(property.Name);
            }
        }
    }

    private static bool IsMarkedRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
        || property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;

    /// <summary>Drops null from <c>type: [null, x]</c> or from <c>oneOf: [{type: null}, {$ref}]</c>.</summary>
    private static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema s) return schema;
        if (s.OneOf is { Count: 2 } oneOf && oneOf.Any(IsNullOnly)) return oneOf.First(x => !IsNullOnly(x));
        if (s.Type is { } type && type.HasFlag(JsonSchemaType.Null)) s.Type = type & ~JsonSchemaType.Null;
        return s;
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    /// <summary>
    /// Enums travel as their names. A nullable use elsewhere must not add null to the enum itself: the place that
    /// allows null says so.
    /// </summary>
    private static void EnumByName(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = schema.Enum!.Where(v => v is not null && v.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
    }

    /// <summary>The problem members every answer of this API carries (see ProblemDetailsMapping).</summary>
    private static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A stable machine code, e.g. push.order_too_old.",
        };
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "validation.failed: the messages per field.",
            AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
    }

    private static OpenApiSecurityRequirement BearerKey(OpenApiDocument? document)
    {
        if (document is not null) AddSecurityScheme(document);
        return new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId, document)] = [] };
    }

    private static void AddSecurityScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SecuritySchemeId, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: 'Authorization: Bearer rl_…'",
        });
    }

    /// <summary>
    /// A file result says nothing of itself to the API description. The only files the API serves are payment proofs,
    /// whose types the upload checks by content (api.md: PNG, JPEG or PDF).
    /// </summary>
    private static void DeclareFile(OpenApiOperation operation, IList<object> metadata)
    {
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        var returns = handler?.ReturnType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Task<>)
            ? t.GetGenericArguments()[0] : handler?.ReturnType;
        if (returns is null || !typeof(IFileHttpResult).IsAssignableFrom(returns)) return;
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The file, served as an attachment.",
            Content = new[] { "application/pdf", "image/jpeg", "image/png" }
                .ToDictionary(type => type, _ => new OpenApiMediaType { Schema = binary }),
        };
    }

    /// <summary>api.md: a keyed POST may carry an Idempotency-Key (an upload aside: it replaces the proof anyway).</summary>
    private static void DeclareIdempotencyKey(OpenApiOperation operation, string? method)
    {
        if (method != "POST" || operation.RequestBody?.Content?.ContainsKey(Multipart) == true) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "1 to 255 characters: the same key and body answer the first success again; "
                + "the same key with another body is 422 idempotency.key_reused.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
        });
    }

    /// <summary>
    /// The problem answers a route may give, beside those its group declares: bad input for all; a missing key and
    /// a role that may not for keyed routes; unknown ids; a state or a rule that refuses a write; and a proof upload's
    /// size and type (api.md: 413 proof.too_large, 415 proof.unsupported_type).
    /// </summary>
    private static void DeclareProblems(OpenApiOperation operation, string path, string? method, bool anonymous, OpenApiDocument? document)
    {
        if (!path.StartsWith("api/", StringComparison.Ordinal)) return;
        var statuses = new List<int> { 400 };
        if (!anonymous) statuses.AddRange([401, 403]);
        if (path.Contains('{')) statuses.Add(404);
        if (method is "POST" or "PUT" or "DELETE") statuses.AddRange([409, 422]);
        if (operation.RequestBody?.Content?.ContainsKey(Multipart) == true) statuses.AddRange([413, 415]);

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status.ToString(), new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchemaId, document) },
                },
            });
        }
        // Success first, then the problems by status: the order a reader expects.
        var sorted = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (key, response) in sorted) operation.Responses.Add(key, response);
    }

    /// <summary>The health check is served by the health-check middleware, outside the API description.</summary>
    private static void AddHealth(OpenApiDocument document)
    {
        document.Paths ??= new OpenApiPaths();
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == "Health")) document.Tags.Add(new OpenApiTag { Name = "Health" });
        document.Paths["/health"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Summary = "Liveness and database reachability; no key needed.",
                    Security = [],
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse { Description = "Healthy", Content = PlainText() },
                        ["503"] = new OpenApiResponse { Description = "Unhealthy", Content = PlainText() },
                    },
                },
            },
        };
    }

    private static Dictionary<string, OpenApiMediaType> PlainText() =>
        new() { ["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } };
}

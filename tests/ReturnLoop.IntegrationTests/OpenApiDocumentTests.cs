using System.Text.Json.Nodes;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The OpenAPI document tells the truth a generated client relies on, and the committed copy (openapi/v1.json, from
/// which src/ReturnLoop.Client is generated) is the one the app serves.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static async Task<JsonNode> DocumentAsync(DatabaseProvider provider) =>
        (await AppFactory.For(provider).Client().Get("/openapi/v1.json")).Ok().Json!;

    private static JsonNode Schema(JsonNode doc, string name) =>
        doc["components"]!["schemas"]![name] ?? throw new InvalidOperationException($"No schema '{name}'.");

    private static JsonNode Operation(JsonNode doc, string method, string path) =>
        doc["paths"]![path]?[method] ?? throw new InvalidOperationException($"No {method} {path}.");

    private static IEnumerable<string> Names(JsonNode? array) => (array as JsonArray ?? []).Select(n => n!.GetValue<string>());

    /// <summary>A property's types, following a oneOf of null and a reference.</summary>
    private static IEnumerable<string> TypesOf(JsonNode property) =>
        property["oneOf"] is JsonArray oneOf ? oneOf.SelectMany(o => TypesOf(o!))
        : property["type"] is JsonArray types ? Names(types)
        : property["type"] is { } type ? [type.GetValue<string>()]
        : property["$ref"] is not null ? ["$ref"] : [];

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_committed_document_is_the_one_the_app_serves(DatabaseProvider provider)
    {
        var served = (await AppFactory.For(provider).Client().Get("/openapi/v1.json")).Ok().Text();
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "openapi", "v1.json"));

        // Line endings and the order of object members aside (the generator orders schema names by the culture of the
        // process writing them), they must be the same: a legitimate change means rebuilding the host and committing.
        var (a, b) = (Canonical(committed), Canonical(served));
        var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], -1);
        Assert.True(first < 0 && a.Length == b.Length,
            "openapi/v1.json is not the served document; run `./build.sh client` (or build src/ReturnLoop) and commit it. "
            + (first < 0
                ? $"Lengths {a.Length} and {b.Length} lines."
                : $"Line {first + 1}: committed '{a[first].Trim()}', served '{b[first].Trim()}'."));
    }

    /// <summary>The document with every object's members in ordinal order, indented, as lines.</summary>
    private static string[] Canonical(string json)
    {
        static JsonNode? Sorted(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
            _ => node?.DeepClone(),
        };
        var text = Sorted(JsonNode.Parse(json))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        return text.ReplaceLineEndings("\n").Split('\n');
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_request_record_has_its_own_schema_named_after_its_use_case(DatabaseProvider provider)
    {
        var doc = await DocumentAsync(provider);
        var schemas = doc["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.DoesNotContain("Request", schemas);
        Assert.DoesNotContain("Line", schemas);
        Assert.Contains("SignUpRequest", schemas);
        Assert.Contains("CreateAfterSalesOrderRequest", schemas);
        Assert.Contains("StockInSupplierReturnLine", schemas);
        var body = Operation(doc, "post", "/api/v1/after-sales-orders")["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/CreateAfterSalesOrderRequest", body["$ref"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Fields_a_use_case_requires_are_required_and_never_null(DatabaseProvider provider)
    {
        var doc = await DocumentAsync(provider);

        var create = Schema(doc, "CreateAfterSalesOrderRequest");
        // Exactly one original order: a distribution order, or a store order (a regular after-sales order); the use case
        // checks the pair, so neither is required on its own.
        Assert.Equal(new[] { "type" }, Names(create["required"]).Order());
        Assert.DoesNotContain("null", TypesOf(create["properties"]!["type"]!));
        foreach (var field in new[] { "distributionOrderId", "storeOrderId" })
            Assert.Contains("null", TypesOf(create["properties"]![field]!));
        // An abnormal return may come without lines; a reason is never needed.
        Assert.Contains("null", TypesOf(create["properties"]!["lines"]!));
        Assert.Contains("null", TypesOf(create["properties"]!["reason"]!));
        Assert.Equal(new[] { "merchantSkuCode", "quantity" }, Names(Schema(doc, "CreateAfterSalesOrderLine")["required"]).Order());

        var line = Schema(doc, "StockInSupplierReturnLine");
        Assert.Equal(new[] { "condition", "quantity", "supplierSkuCode" }, Names(line["required"]).Order());
        Assert.Equal(new[] { "name", "currency", "userEmail", "password" }, Names(Schema(doc, "SignUpRequest")["required"]));
        // Everything of a shipment is optional: prices and fee default from the catalogue and the charge settings.
        Assert.Empty(Names(Schema(doc, "ShipDistributionOrderRequest")["required"]));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Enums_are_strings_listing_their_names_and_money_is_a_decimal_number(DatabaseProvider provider)
    {
        var doc = await DocumentAsync(provider);

        var type = Schema(doc, "AfterSalesType");
        Assert.Equal("string", type["type"]!.GetValue<string>());
        Assert.Equal(new[] { "ReturnAndRefund", "RefundOnly", "Exchange", "AbnormalReturn" }, Names(type["enum"]));
        Assert.Equal(new[] { "CustomerBalance", "BankTransfer" }, Names(Schema(doc, "PaymentMethod")["enum"]));

        var refundable = Schema(doc, "RefundOrderResponse")["properties"]!["refundableAmount"]!;
        Assert.Equal(("number", "decimal"), (refundable["type"]!.GetValue<string>(), refundable["format"]!.GetValue<string>()));
        var createdAt = Schema(doc, "RefundOrderResponse")["properties"]!["createdAt"]!;
        Assert.Equal(("string", "date-time"), (createdAt["type"]!.GetValue<string>(), createdAt["format"]!.GetValue<string>()));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_keyed_routes_ask_for_the_bearer_key(DatabaseProvider provider)
    {
        var doc = await DocumentAsync(provider);

        Assert.Null(doc["security"]);
        Assert.Empty(Operation(doc, "post", "/api/v1/accounts")["security"]!.AsArray());
        Assert.Empty(Operation(doc, "get", "/health")["security"]!.AsArray());
        var me = Assert.Single(Operation(doc, "get", "/api/v1/me")["security"]!.AsArray());
        Assert.Equal("ApiKey", Assert.Single(me!.AsObject()).Key);
        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["ApiKey"]!["scheme"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_route_declares_its_problem_answers_and_the_proof_upload_its_size_and_type(DatabaseProvider provider)
    {
        var doc = await DocumentAsync(provider);

        foreach (var (path, item) in doc["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/")))
        foreach (var (method, operation) in item!.AsObject())
        {
            var statuses = operation!["responses"]!.AsObject().Select(r => r.Key).ToList();
            Assert.True(statuses.Any(s => s.StartsWith('2')), $"{method} {path} declares no success answer.");
            Assert.True(statuses.Contains("400"), $"{method} {path} declares no 400.");
        }
        var upload = Operation(doc, "post", "/api/v1/supplier/refund-orders/{id}/payment-proof")["responses"]!.AsObject();
        Assert.Contains("413", upload.Select(r => r.Key));
        Assert.Contains("415", upload.Select(r => r.Key));
        Assert.Equal("#/components/schemas/ProblemDetails",
            upload["415"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains("code", Schema(doc, "ProblemDetails")["properties"]!.AsObject().Select(p => p.Key));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReturnLoop.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No ReturnLoop.slnx above {AppContext.BaseDirectory}.");
    }
}

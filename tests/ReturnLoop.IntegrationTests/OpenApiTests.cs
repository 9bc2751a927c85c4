using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>api.md: the OpenAPI document describes the whole API, the reference page is served, and every API route wants a valid
/// key.</summary>
public sealed class OpenApiTests
{
    /// <summary>Every route of api.md (path parameters written as {}), accounts and shops aside.</summary>
    private static readonly string[] ClosedLoopRoutes =
    [
        "POST /api/v1/accounts",
        "GET /api/v1/me",
        "GET /api/v1/api-keys",
        "POST /api/v1/api-keys",
        "POST /api/v1/api-keys/{}/revoke",
        "POST /api/v1/partnerships",
        "GET /api/v1/partnerships",
        "POST /api/v1/partnerships/{}/accept",
        "POST /api/v1/partnerships/{}/reject",
        "POST /api/v1/partnerships/{}/terminate",
        "POST /api/v1/warehouses",
        "GET /api/v1/warehouses",
        "POST /api/v1/skus",
        "GET /api/v1/skus",
        "POST /api/v1/merchant-skus",
        "GET /api/v1/merchant-skus",
        "GET /api/v1/inventory",
        "GET /api/v1/inventory/movements",
        "POST /api/v1/inventory/adjustments",
        "GET /api/v1/distribution-stock",
        "POST /api/v1/distribution-orders",
        "POST /api/v1/distribution-orders/{}/ship",
        "POST /api/v1/distribution-orders/{}/payments",
        "GET /api/v1/distribution-orders/{}",
        "POST /api/v1/after-sales-orders",
        "GET /api/v1/after-sales-orders",
        "GET /api/v1/after-sales-orders/counts",
        "GET /api/v1/after-sales-orders/{}",
        "POST /api/v1/after-sales-orders/{}/approve",
        "POST /api/v1/after-sales-orders/{}/cancel",
        "GET /api/v1/distribution-returns",
        "GET /api/v1/distribution-returns/counts",
        "POST /api/v1/distribution-returns/{}/push",
        "POST /api/v1/distribution-returns/push",
        "GET /api/v1/settings/distribution-returns",
        "PUT /api/v1/settings/distribution-returns",
        "GET /api/v1/after-sales-refunds",
        "GET /api/v1/after-sales-refunds/{}/payment-proof",
        "POST /api/v1/after-sales-refunds/{}/confirm-receipt",
        "POST /api/v1/after-sales-refunds/{}/report-not-received",
        "GET /api/v1/balances",
        "GET /api/v1/balances/{}/ledger",
        "GET /api/v1/supplier/after-sales-orders",
        "GET /api/v1/supplier/after-sales-orders/counts",
        "GET /api/v1/supplier/return-stock-ins",
        "GET /api/v1/supplier/return-stock-ins/counts",
        "POST /api/v1/supplier/return-stock-ins/{}/stock-in",
        "GET /api/v1/supplier/charge-settings",
        "PUT /api/v1/supplier/charge-settings",
        "POST /api/v1/supplier/return-stock-ins/{}/refund-orders",
        "GET /api/v1/supplier/refund-orders",
        "POST /api/v1/supplier/refund-orders/{}/payment-proof",
        "POST /api/v1/supplier/refund-orders/{}/void",
        "GET /api/v1/supplier/customer-balances",
        "POST /api/v1/supplier/customer-balances/{}/credits",
    ];

    /// <summary>api.md, "Marketplace shops and pushes".</summary>
    private static string Normalize(string method, string path) =>
        $"{method.ToUpperInvariant()} {System.Text.RegularExpressions.Regex.Replace(path.TrimEnd('/'), "\\{[^}]+\\}", "{}")}";

    private static async Task<HashSet<string>> DocumentedAsync(AppFactory app) =>
        (await Trust.OperationsAsync(app)).Select(o => Normalize(o.Method, o.Path)).ToHashSet();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_OpenAPI_document_is_served_as_JSON(DatabaseProvider provider)
    {
        var reply = (await AppFactory.For(provider).Client().Get("/openapi/v1.json")).Ok();

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.StartsWith("3.", reply.Str("openapi"));
        Assert.NotEmpty(reply["paths"].AsObject());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_OpenAPI_document_describes_every_closed_loop_route_of_api_md(DatabaseProvider provider)
    {
        var documented = await DocumentedAsync(AppFactory.For(provider));

        var missing = ClosedLoopRoutes.Where(r => !documented.Contains(r)).ToList();
        Assert.True(missing.Count == 0, $"Not in /openapi/v1.json: {string.Join(", ", missing)}");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_API_route_the_app_serves_is_in_the_OpenAPI_document(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var documented = await DocumentedAsync(app);

        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/") || raw.StartsWith("/webhooks/")))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => Normalize(m, e.RoutePattern.RawText!)))
            .ToHashSet();

        Assert.NotEmpty(served);
        var undocumented = served.Where(s => !documented.Contains(s)).Order().ToList();
        Assert.True(undocumented.Count == 0, $"Served but not in /openapi/v1.json: {string.Join(", ", undocumented)}");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_payment_proof_upload_is_documented_as_multipart_with_one_file_part_and_its_413_and_415(DatabaseProvider provider)
    {
        var doc = (await AppFactory.For(provider).Client().Get("/openapi/v1.json")).Ok().Json!;
        JsonNode Resolve(JsonNode schema) =>
            schema["$ref"]?.GetValue<string>() is { } reference ? doc["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;
        var upload = doc["paths"]!["/api/v1/supplier/refund-orders/{id}/payment-proof"]!["post"]!;

        var form = Resolve(upload["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!);
        Assert.Equal(["file"], form["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("binary", Resolve(form["properties"]!["file"]!)["format"]!.GetValue<string>());
        Assert.NotNull(upload["responses"]!["413"]);
        Assert.NotNull(upload["responses"]!["415"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_API_reference_page_is_served(DatabaseProvider provider)
    {
        // A browser follows Scalar's redirect to /scalar/ (its assets are relative to that folder).
        using var browser = AppFactory.For(provider).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        using var response = await browser.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ReturnLoop API", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The routes that need no key: signing up and the cookie login.</summary>
    private static readonly string[] Anonymous = ["POST /api/v1/accounts", "POST /api/v1/auth/login", "POST /api/v1/auth/logout",
        "POST /api/v1/users/invitations/{token}/accept"]; // the invitation's token is the credential

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_API_route_without_a_key_is_401_auth_required(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var anonymous = app.Client();
        var operations = (await Trust.OperationsAsync(app))
            .Where(o => o.Path.StartsWith("/api/") && !Anonymous.Contains($"{o.Method} {o.Path}")).ToList();
        Assert.NotEmpty(operations);

        foreach (var op in operations)
        {
            // A request the route would accept, but for the key.
            var request = new HttpRequestMessage(new HttpMethod(op.Method), op.With(Guid.NewGuid().ToString("N")));
            if (op.TakesForm) request.Content = new MultipartFormDataContent { { new ByteArrayContent(Trust.Png), "file", "proof.png" } };
            else if (op.Method is "POST" or "PUT") request.Content = System.Net.Http.Json.JsonContent.Create(new { });
            var reply = await anonymous.Send(request);
            Assert.True(reply.Status == HttpStatusCode.Unauthorized && reply.Code == "auth.required",
                $"{op}: expected 401 auth.required but got {(int)reply.Status} {reply.Text()}");
            Assert.Equal("application/problem+json", reply.MediaType);
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_key_is_401_auth_required(DatabaseProvider provider)
    {
        var stranger = AppFactory.For(provider).Client("rl_" + Guid.NewGuid().ToString("N"));

        (await stranger.Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await stranger.Post("/api/v1/warehouses", new { code = "W", name = "W", kind = "Own" }))
            .Problem(HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_revoked_key_is_401_auth_required_while_the_other_keys_keep_working(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (owner, accountId) = await World.SignUpAsync(app, "Keys");

        var created = (await owner.Post("/api/v1/api-keys", new { name = "ci" })).Ok();
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var second = app.Client(created.Str("apiKey"));
        Assert.Equal(accountId, (await second.Get("/api/v1/me")).Ok()["account"]["id"]!.GetValue<string>());

        var revoked = (await owner.Post($"/api/v1/api-keys/{created.Id}/revoke")).Ok();
        Assert.NotNull(revoked.Json?["revokedAt"]?.GetValue<DateTimeOffset>());

        (await second.Get("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await second.Get("/api/v1/after-sales-orders")).Problem(HttpStatusCode.Unauthorized, "auth.required");
        (await second.Post("/api/v1/warehouses", new { code = "W", name = "W", kind = "Own" }))
            .Problem(HttpStatusCode.Unauthorized, "auth.required");
        Assert.Empty((await owner.Get("/api/v1/warehouses")).Ok().Items);

        // The key that revoked it is untouched, and the list shows the revoked one as revoked.
        var keys = (await owner.Get("/api/v1/api-keys")).Ok().Items;
        Assert.Equal(2, keys.Count);
        Assert.NotNull(World.Find(keys, created.Id)?["revokedAt"]?.GetValue<DateTimeOffset>());
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>Helpers of the trust tests (isolation, concurrency, idempotency, the OpenAPI document).</summary>
internal static class Trust
{
    /// <summary>A minimal PNG (its signature is what the payment proof check reads).</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
        0, 0, 0, 1, 8, 2, 0, 0, 0];

    /// <summary>The API key a client sends.</summary>
    public static string KeyOf(Api api) => api.Http.DefaultRequestHeaders.Authorization?.Parameter
        ?? throw new InvalidOperationException("This client sends no API key.");

    /// <summary>Separate HTTP clients acting as the same account, one per concurrent caller.</summary>
    public static Api[] Clients(AppFactory app, Api api, int count) =>
        Enumerable.Range(0, count).Select(_ => app.Client(KeyOf(api))).ToArray();

    /// <summary>
    /// Starts every call on its own thread-pool task, held at one gate and released together, so the requests
    /// reach the server at the same moment; returns the answers in the order of the calls.
    /// </summary>
    public static async Task<Reply[]> AtOnce(params Func<Task<Reply>>[] calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(call => Task.Run(async () =>
        {
            await gate.Task;
            return await call();
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    public static bool IsSuccess(this Reply reply) => (int)reply.Status is >= 200 and < 300;

    /// <summary>The body as text, for "does it mention …" checks.</summary>
    public static string Text(this Reply reply) => System.Text.Encoding.UTF8.GetString(reply.Body);

    /// <summary>Asserts a 409 whose code is one of the given ones.</summary>
    public static void AssertConflict(this Reply reply, params string[] codes)
    {
        Assert.True(reply.Status == HttpStatusCode.Conflict && codes.Contains(reply.Code),
            $"Expected 409 {string.Join(" or ", codes)} but got {(int)reply.Status}: {reply.Json?.ToJsonString()}");
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    /// <summary>Asserts an answer is one of the given problems (status and code).</summary>
    public static void AssertProblemOneOf(this Reply reply, params (HttpStatusCode Status, string Code)[] allowed)
    {
        Assert.True(allowed.Any(a => a.Status == reply.Status && a.Code == reply.Code),
            $"Expected one of {string.Join(", ", allowed.Select(a => $"{(int)a.Status} {a.Code}"))} "
            + $"but got {(int)reply.Status}: {reply.Json?.ToJsonString()}");
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    /// <summary>Every item of a list, following nextCursor to the end.</summary>
    public static async Task<List<JsonNode>> AllItems(Api api, string url)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = (await api.Get(url + (url.Contains('?') ? "&" : "?") + "limit=200" + (cursor is null ? "" : $"&cursor={cursor}")))
                .Ok();
            items.AddRange(page.Items.Select(i => i!));
            cursor = page.Json?["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return items;
    }

    public static string S(this JsonNode? node, string property) =>
        node?[property]?.GetValue<string>()
            ?? throw new InvalidOperationException($"No '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static decimal D(this JsonNode? node, string property) =>
        node?[property]?.GetValue<decimal>()
            ?? throw new InvalidOperationException($"No '{property}' in {node?.ToJsonString() ?? "(null)"}");

    public static int I(this JsonNode? node, string property) =>
        node?[property]?.GetValue<int>() ?? throw new InvalidOperationException($"No '{property}' in {node?.ToJsonString() ?? "(null)"}");

    /// <summary>Every operation of the served OpenAPI document: (HTTP method, path template).</summary>
    public static async Task<IReadOnlyList<Operation>> OperationsAsync(AppFactory app)
    {
        var doc = (await app.Client().Get("/openapi/v1.json")).Ok().Json ?? throw new InvalidOperationException("No OpenAPI document.");
        var operations = new List<Operation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                var query = (operation?["parameters"] as JsonArray ?? [])
                    .Where(p => p?["in"]?.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToList();
                var body = operation?["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault();
                operations.Add(new Operation(method.ToUpperInvariant(), path, query, body));
            }
        }
        return operations;
    }

    public sealed record Operation(string Method, string Path, IReadOnlyList<string> QueryParameters, string? BodyMediaType)
    {
        public bool TakesForm => BodyMediaType == "multipart/form-data";

        public bool HasPathParameter => Path.Contains('{');

        /// <summary>The path with its one path parameter replaced.</summary>
        public string With(string id) => System.Text.RegularExpressions.Regex.Replace(Path, "\\{[^}]+\\}", Uri.EscapeDataString(id));

        public override string ToString() => $"{Method} {Path}";
    }
}

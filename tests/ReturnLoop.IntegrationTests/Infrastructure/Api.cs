using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ReturnLoop.IntegrationTests.Infrastructure;

/// <summary>A thin HTTP client over the real API: JSON in, a <see cref="Reply"/> out.</summary>
public sealed class Api(HttpClient http)
{
    public HttpClient Http => http;

    public Task<Reply> Get(string url) => Send(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<Reply> Post(string url, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Send(request);
    }

    /// <summary>Posts raw text as JSON, for malformed bodies.</summary>
    public Task<Reply> PostRaw(string url, string json) =>
        Send(new HttpRequestMessage(HttpMethod.Post,
            url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    public Task<Reply> Put(string url, object body) =>
        Send(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) });

    public Task<Reply> Upload(string url, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return Send(new HttpRequestMessage(HttpMethod.Post, url) { Content = form });
    }

    public async Task<Reply> Send(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        JsonNode? json = null;
        if (bytes.Length > 0 && mediaType is not null && mediaType.Contains("json")) json = JsonNode.Parse(bytes);
        return new Reply(response.StatusCode, json, bytes, mediaType,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)));
    }
}

/// <summary>An answer of the API, with helpers that make assertions short.</summary>
public sealed record Reply(HttpStatusCode Status, JsonNode? Json, byte[] Body, string? MediaType, IReadOnlyDictionary<string,
    string> Headers)
{
    /// <summary>The problem-details <c>code</c>, when the answer is an error.</summary>
    public string? Code => Json?["code"]?.GetValue<string>();

    public JsonNode this[string property] => Json?[property]
        ?? throw new InvalidOperationException($"No '{property}' in {Json?.ToJsonString() ?? "(empty)"}");

    public string Id => this["id"].GetValue<string>();

    public string Str(string property) => this[property].GetValue<string>();

    public decimal Dec(string property) => this[property].GetValue<decimal>();

    public JsonArray Items => (JsonArray)this["items"];

    /// <summary>Asserts a 2xx answer and returns it.</summary>
    public Reply Ok()
    {
        Assert.True((int)Status is >= 200 and < 300, $"Expected success but got {(int)Status}: {Json?.ToJsonString()}");
        return this;
    }

    /// <summary>Asserts an error answer with its status and stable code, as problem details.</summary>
    public Reply Problem(HttpStatusCode status, string code)
    {
        Assert.True(Status == status && Code == code, $"Expected {(int)status} {code} but got {(int)Status}: {Json?.ToJsonString()}");
        Assert.Equal("application/problem+json", MediaType);
        return this;
    }
}

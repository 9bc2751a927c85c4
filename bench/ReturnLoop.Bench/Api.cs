using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReturnLoop.Bench;

/// <summary>One HTTP answer: status, body, the problem's stable code, and how long it took.</summary>
internal sealed record Reply(int Status, JsonNode? Json, string? Code, double Ms)
{
    public bool Ok => Status is >= 200 and < 300;

    public string Str(string property) =>
        Json?[property]?.GetValue<string>() ?? throw new InvalidOperationException($"No '{property}' in {Json?.ToJsonString()}");

    /// <summary>"409 conflict", "500", … as the error tables show it.</summary>
    public string ErrorKey => Code is null ? $"{Status}" : $"{Status} {Code}";
}

/// <summary>The app over real HTTP: one pooled client for every caller, the API key per request.</summary>
internal sealed class Api(string baseUrl)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        // Enough connections for the highest concurrency: callers never queue for a socket.
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromMinutes(10),
    };

    public string BaseUrl => baseUrl;

    public Task<Reply> Get(string path, string? key) => Send(HttpMethod.Get, path, key, null);

    public Task<Reply> Post(string path, string? key, object? body = null) => Send(HttpMethod.Post, path, key, body ?? new { });

    public Task<Reply> Put(string path, string? key, object body) => Send(HttpMethod.Put, path, key, body);

    public async Task<Reply> Send(HttpMethod method, string path, string? key, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var ms = clock.Elapsed.TotalMilliseconds;
            JsonNode? json = null;
            try
            {
                json = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy page, an empty 404): the status says enough.
            }
            var code = response.IsSuccessStatusCode ? null : (json as JsonObject)?["code"]?.GetValue<string>();
            return new Reply((int)response.StatusCode, json, code, ms);
        }
        catch (HttpRequestException e)
        {
            return new Reply(0, null, $"transport:{e.HttpRequestError}", clock.Elapsed.TotalMilliseconds);
        }
        catch (TaskCanceledException)
        {
            return new Reply(0, null, "timeout", clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Setup calls must work: a failure here stops the bench with the answer.</summary>
    public static Reply Must(Reply reply, string what) =>
        reply.Ok ? reply : throw new InvalidOperationException($"{what}: {reply.Status} {reply.Code} {reply.Json?.ToJsonString()}");
}

/// <summary>Latencies of one action and its errors by status and code.</summary>
internal sealed class Samples
{
    private readonly List<double> _ms = [];
    private readonly Dictionary<string, int> _errors = [];
    private readonly Lock _gate = new();

    public void Add(Reply reply)
    {
        lock (_gate)
        {
            if (reply.Ok) _ms.Add(reply.Ms);
            else _errors[reply.ErrorKey] = _errors.GetValueOrDefault(reply.ErrorKey) + 1;
        }
    }

    public int Count { get { lock (_gate) return _ms.Count; } }

    public int ErrorCount { get { lock (_gate) return _errors.Values.Sum(); } }

    public IReadOnlyDictionary<string, int> Errors { get { lock (_gate) return new Dictionary<string, int>(_errors); } }

    public double P(double q)
    {
        lock (_gate)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToList();
            var rank = (int)Math.Ceiling(q * sorted.Count) - 1; // nearest rank
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }
}

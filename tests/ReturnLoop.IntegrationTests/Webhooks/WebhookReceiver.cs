using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReturnLoop.IntegrationTests.Webhooks;

/// <summary>One webhook request as the receiver saw it.</summary>
public sealed record Received(long Tick, string Path, string Id, string Timestamp, string Signature, string? ContentType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
    public string Type => Json["type"]!.GetValue<string>();
    public JsonNode Data => Json["data"]!;

    /// <summary>Standard Webhooks verification, written from the spec: HMAC-SHA256 over "{id}.{timestamp}.{body}".</summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        var sentAt = long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture);
        var fresh = Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - sentAt) < 300;
        return fresh && Signature.Split(' ').Any(s =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }
}

/// <summary>A real HTTP listener on 127.0.0.1 (Kestrel on a free port) that records every webhook and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>The answer to a request: (the request, how many times this webhook-id has come) → delay and status code.</summary>
    public Func<Received, int, (TimeSpan Delay, int Status)> Respond { get; set; } = (_, _) => (TimeSpan.Zero, 200);

    public static readonly Stopwatch Clock = Stopwatch.StartNew();

    private WebhookReceiver(WebApplication app) => _app = app;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        return receiver;
    }

    public string Url(string path) => _app.Urls.First().TrimEnd('/') + path;

    public IReadOnlyList<Received> All => _received.ToList();

    public IReadOnlyList<Received> At(string path) => _received.Where(r => r.Path == path).ToList();

    /// <summary>Waits until the received requests satisfy <paramref name="done"/>; fails the test after the timeout.</summary>
    public async Task<IReadOnlyList<Received>> WaitAsync(Func<IReadOnlyList<Received>, bool> done, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            var all = All;
            if (done(all)) return all;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"Timed out; received: {string.Join(", ", All.Select(r => $"{r.Path} {r.Type}"))}");
    }

    private async Task HandleAsync(HttpContext http)
    {
        var tick = Clock.ElapsedTicks;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        string H(string name) => http.Request.Headers[name].ToString();
        var r = new Received(tick, http.Request.Path, H("webhook-id"), H("webhook-timestamp"), H("webhook-signature"),
            http.Request.ContentType, body);
        var nth = _attempts.AddOrUpdate(r.Id, 1, (_, n) => n + 1);
        var (delay, status) = Respond(r, nth);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        _received.Enqueue(r);
        http.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

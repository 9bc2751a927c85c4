using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests.Operations;

/// <summary>Outside Development the console speaks JSON, and a request's lines carry its trace id.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task Json_log_lines_carry_the_request_trace_id()
    {
        var console = new Tee(Console.Out);
        var original = Console.Out;
        AppFactory app;
        // The console logger takes Console.Out when the app is built: capture it then, and put it back at once.
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            app = AppFactory.Started(AppFactory.Isolated(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            }));
        }
        finally
        {
            Console.SetOut(original);
        }
        await using var _ = app;

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();

        JsonNode? line = null;
        for (var waited = 0; line is null && waited < 100; waited++)
        {
            line = console.Lines().Where(l => l.StartsWith('{') && l.Contains(traceId, StringComparison.Ordinal))
                .Select(l => JsonNode.Parse(l)).FirstOrDefault(j => j?["Message"]?.GetValue<string>().Contains("/health/live") == true);
            if (line is null) await Task.Delay(100);
        }
        Assert.NotNull(line);
        Assert.NotNull(line["Timestamp"]);
        Assert.Equal("Information", line["LogLevel"]!.GetValue<string>());
        var scopes = line["Scopes"]!.AsArray();
        Assert.Contains(scopes, s => s?["TraceId"]?.GetValue<string>() == traceId);
        Assert.Contains(scopes, s => s?["SpanId"]?.GetValue<string>() is { Length: 16 });
    }

    /// <summary>Keeps what is written and passes it on to the real console.</summary>
    private sealed class Tee(TextWriter inner) : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (_text) _text.Append(value);
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            lock (_text) _text.Append(value);
            inner.Write(value);
        }

        public string[] Lines()
        {
            lock (_text) return _text.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
    }
}

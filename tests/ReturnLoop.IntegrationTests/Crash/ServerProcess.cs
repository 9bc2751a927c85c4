using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ReturnLoop.Data;

namespace ReturnLoop.IntegrationTests.Crash;

/// <summary>
/// The built app (ReturnLoop.dll, copied beside the tests) as a real server process on a database the test names, so a
/// test can SIGKILL it mid-request and start another on the same database. Disposing kills whatever is still running:
/// a failing test never leaves a server behind.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    public string Url => _listening.Task.Result;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the app and waits until it listens (migrations applied).</summary>
    public static async Task<ServerProcess> StartAsync(DatabaseProvider provider, string connectionString,
        IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ReturnLoop.dll"), "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__ReturnLoop"] = connectionString;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Format"] = "simple"; // "Now listening on:" is read from the plain console log
        start.Environment["RateLimits__SignUpPerMinute"] = "1000000";
        start.Environment["RateLimits__LoginPerMinute"] = "1000000";
        start.Environment["RateLimits__RequestsPerMinute"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        server._process.Exited += (_, _) => server._listening.TrySetException(
            new InvalidOperationException($"The app exited before listening. Output:\n{server.Output}"));
        server._process.OutputDataReceived += (_, e) => server.Received(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Received(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server._listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks — as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningOn().Match(line) is { Success: true } m) _listening.TrySetResult(m.Groups[1].Value);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}

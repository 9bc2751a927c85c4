using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReturnLoop.Bench;

/// <summary>
/// The app as a real separate process, as it runs in production (Release build, its workers on), on the bench's database.
/// Its memory is read from /proc: VmHWM is the peak resident set, VmRSS is sampled through the run.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _maxRssKb;

    private AppHost(Process process, string url)
    {
        _process = process;
        Url = url;
        _sampler = Task.Run(SampleAsync);
    }

    public string Url { get; }

    public int Pid => _process.Id;

    /// <summary>Largest VmRSS seen by the sampler (every 250 ms), in MB.</summary>
    public double MaxSampledRssMb => _maxRssKb / 1024.0;

    /// <summary>VmHWM: the kernel's own peak resident set of the process, in MB.</summary>
    public double PeakMb => ReadStatusKb("VmHWM") / 1024.0;

    public double RssMb => ReadStatusKb("VmRSS") / 1024.0;

    public static async Task<AppHost> StartAsync(string repoRoot, string provider, string connectionString)
    {
        var dll = Path.Combine(repoRoot, "src", "ReturnLoop", "bin", "Release", "net10.0", "ReturnLoop.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build with -c Release first (./build.sh bench does).");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__ReturnLoop"] = connectionString;
        start.Environment["Demo__Seed"] = "false";
        // The bench measures the app, not its rate limits.
        start.Environment["RateLimits__RequestsPerMinute"] = "100000000";
        start.Environment["RateLimits__LoginPerMinute"] = "100000000";
        start.Environment["RateLimits__SignUpPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) { if (log.Count < 200) log.Add(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) { if (log.Count < 200) log.Add(line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited ({process.ExitCode}):\n{string.Join('\n', log)}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return new AppHost(process, url);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Migrating.
            }
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The app was not ready in 3 minutes:\n{string.Join('\n', log)}");
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var rss = ReadStatusKb("VmRSS");
            if (rss > _maxRssKb) _maxRssKb = rss;
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private long ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line[(field.Length + 1)..].Replace("kB", "").Trim());
        }
        catch (IOException)
        {
            // The process is gone.
        }
        return 0;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

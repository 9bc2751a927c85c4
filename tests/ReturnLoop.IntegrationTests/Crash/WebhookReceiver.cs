using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ReturnLoop.IntegrationTests.Crash;

/// <summary>
/// A slow webhook receiver on a loopback port: it counts each <c>webhook-id</c> it is sent, then answers 200 after a
/// pause, so a batch of deliveries is still in flight when the test kills the server.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TimeSpan _delay;
    private readonly Task _loop;

    public WebhookReceiver(TimeSpan delay)
    {
        _delay = delay;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>Each event id received, with how many times.</summary>
    public ConcurrentDictionary<string, int> Received { get; } = new();

    public int Requests => Received.Values.Sum();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch when (!_listener.IsListening)
            {
                return;
            }
            catch (Exception e) when (e is HttpListenerException or IOException or SocketException)
            {
                // a killed server's connection dropped before its request was read: the next one comes
                continue;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    var id = context.Request.Headers["webhook-id"] ?? "(none)";
                    Received.AddOrUpdate(id, 1, (_, n) => n + 1);
                    await Task.Delay(_delay);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException
                                              or IOException or SocketException)
                {
                    // the server went away mid-answer: it retries
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

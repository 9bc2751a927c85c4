using System.Net;
using System.Net.Sockets;

namespace ReturnLoop.Features.Webhooks;

/// <summary>
/// Where a webhook may go: http(s) only, and never into the server's own networks (loopback, private, link-local —
/// the cloud metadata service lives there) unless <see cref="WebhookOptions.AllowPrivateNetworks"/> is on.
/// Checked when an endpoint is saved and again on every connection, since DNS may change in between.
/// </summary>
public static class WebhookUrls
{
    public const int MaxLength = 2000;

    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Blocked.Any(n => n.Contains(address));
    }

    /// <summary>Validates an endpoint URL and returns it normalised; refuses private destinations with 422.</summary>
    public static async Task<string> CheckAsync(string? url, bool allowPrivateNetworks, CancellationToken ct)
    {
        var check = new Check().Required(url, "url", MaxLength);
        Uri? uri = null;
        if (check.IsValid)
            check.That(Uri.TryCreate(url, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0,
                "url", "An absolute http or https URL without user info.");
        check.ThrowIfInvalid();
        if (!allowPrivateNetworks)
        {
            var addresses = await ResolveAsync(uri!.IdnHost, ct);
            if (addresses.Length == 0 || addresses.Any(IsPrivate))
                throw DomainError.Rule("webhook.private_address",
                    addresses.Length == 0 ? $"{uri.Host} does not resolve." : $"{uri.Host} is a private, loopback or link-local address.");
        }
        return uri!.AbsoluteUri;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var literal)) return [literal];
        try
        {
            return await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    /// <summary>
    /// The delivery client's connection step: resolves the host itself and connects only to addresses it has checked,
    /// so a name that turns private after the endpoint was saved (DNS rebinding) is refused too.
    /// </summary>
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectTimeout = options.AttemptTimeout,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
            if (addresses.Length == 0) throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve.");
            if (!options.AllowPrivateNetworks && addresses.Any(IsPrivate))
                throw new HttpRequestException($"webhook.private_address: {context.DnsEndPoint.Host} resolves to a private address.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

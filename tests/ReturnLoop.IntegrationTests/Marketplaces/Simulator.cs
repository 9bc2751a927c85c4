using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketplaceSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ReturnLoop.IntegrationTests.Marketplaces;

/// <summary>The marketplace simulator on a free port, with its control API (/sim) for the tests.</summary>
public sealed class Simulator : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SimulatorHost.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address);
        Control = new HttpClient { BaseAddress = BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await _app.DisposeAsync();
    }

    public async Task ShopAsync(object shop) =>
        (await Control.PostAsJsonAsync("/sim/shops", shop, Json)).EnsureSuccessStatusCode();

    /// <summary>A buyer's return on the simulated platform; its platform id.</summary>
    public async Task<string> ReturnAsync(object request)
    {
        var response = await Control.PostAsJsonAsync("/sim/returns", request, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task StatusAsync(string id, string status, bool push = true) =>
        (await Control.PostAsJsonAsync($"/sim/returns/{id}/status", new { status, push }, Json)).EnsureSuccessStatusCode();

    public async Task OutageAsync(SimPlatform platform, int count, int statusCode) =>
        (await Control.PostAsJsonAsync("/sim/faults", new { platform, count, statusCode }, Json)).EnsureSuccessStatusCode();

    public async Task<int> RequestCountAsync(SimPlatform platform) =>
        (await Control.GetFromJsonAsync<string[]>("/sim/requests"))!.Count(r => r.StartsWith($"{platform} ", StringComparison.Ordinal));
}

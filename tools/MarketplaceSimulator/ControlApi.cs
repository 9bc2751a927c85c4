namespace MarketplaceSimulator;

/// <summary>The simulator's own API (/sim): what a buyer, the platform or a test does on the marketplace.</summary>
public static class ControlApi
{
    public sealed record ShopRequest(SimPlatform Platform, string ShopId, string Region, string Key, string Secret,
        string AccessToken, string? ShopCipher, string? PushUrl);

    /// <summary>A buyer's request. Type in ReturnLoop's words (ReturnAndRefund, RefundOnly, Exchange); Status the platform's own.</summary>
    public sealed record ReturnRequest(SimPlatform Platform, string ShopId, string OrderNo, string Type, string? Status, string? Reason,
        string? ReasonText, string Currency, IReadOnlyList<SimLine> Lines, bool Push = true);

    public sealed record StatusRequest(string Status, bool Push = true);

    public sealed record FaultRequest(SimPlatform Platform, int Count, int StatusCode);

    public static void MapControl(this WebApplication app)
    {
        var sim = app.MapGroup("/sim");
        sim.MapPost("/shops", (ShopRequest r, SimState state) =>
        {
            var shop = new SimShop(r.Platform, r.ShopId, r.Region, r.Key, r.Secret, r.AccessToken, r.ShopCipher, r.PushUrl);
            state.Shops[(r.Platform, r.ShopId)] = shop;
            return Results.Created($"/sim/shops/{r.Platform}/{r.ShopId}", shop);
        });
        sim.MapPost("/returns", async (ReturnRequest r, SimState state, PushSender pushes) =>
        {
            if (state.Shop(r.Platform, r.ShopId) is null) return Results.NotFound($"No {r.Platform} shop {r.ShopId}.");
            var now = state.Now;
            var ret = new SimReturn
            {
                Id = SimState.NewId(r.Platform), Platform = r.Platform, ShopId = r.ShopId, OrderNo = r.OrderNo,
                Type = r.Type, Reason = r.Reason ?? "WRONG_ITEM", ReasonText = r.ReasonText ?? "Wrong item", Currency = r.Currency,
                Lines = r.Lines, CreatedAt = now, UpdatedAt = now, Status = r.Status ?? Requested(r.Platform),
            };
            state.Returns[ret.Id] = ret;
            var push = r.Push ? await pushes.SendAsync(ret, previousStatus: null) : null;
            return Results.Created($"/sim/returns/{ret.Id}", new { ret.Id, ret.Status, push = push?.StatusCode });
        });
        sim.MapPost("/returns/{id}/status", async (string id, StatusRequest r, SimState state, PushSender pushes) =>
        {
            if (!state.Returns.TryGetValue(id, out var ret)) return Results.NotFound();
            var previous = ret.Status;
            ret.Status = r.Status;
            // a later change is always at a later second: the platforms' update times are in whole seconds
            ret.UpdatedAt = state.Now > ret.UpdatedAt.AddSeconds(1) ? state.Now : ret.UpdatedAt.AddSeconds(1);
            var push = r.Push ? await pushes.SendAsync(ret, previous) : null;
            return Results.Ok(new { ret.Id, ret.Status, push = push?.StatusCode });
        });
        sim.MapGet("/returns", (SimState state) => state.Returns.Values.OrderBy(r => r.CreatedAt));
        sim.MapPost("/faults", (FaultRequest r, SimState state) =>
        {
            state.Faults[r.Platform] = (r.Count, r.StatusCode);
            return Results.NoContent();
        });
        sim.MapGet("/pushes", (SimState state) => state.Pushes.Select(p => new { p.Number, p.Platform, p.ShopId, p.StatusCode }));
        sim.MapPost("/pushes/{number:int}/resend", async (int number, SimState state, PushSender pushes) =>
            state.Pushes.FirstOrDefault(p => p.Number == number) is { } push
                ? Results.Ok(new { statusCode = await pushes.ResendAsync(push) })
                : Results.NotFound());
        sim.MapGet("/requests", (SimState state) => state.Requests.ToArray());
    }

    private static string Requested(SimPlatform platform) => platform switch
    {
        SimPlatform.Shopee => "REQUESTED",
        SimPlatform.TikTok => "RETURN_OR_REFUND_REQUEST_PENDING",
        _ => "REQUEST_INITIATE",
    };
}

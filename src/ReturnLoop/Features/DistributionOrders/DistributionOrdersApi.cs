namespace ReturnLoop.Features.DistributionOrders;

public sealed record DistributionOrderLineResponse(string SupplierSkuCode, string MerchantSkuCode, int Quantity, int MerchantQuantity,
    decimal? UnitPriceAtShipment);

public sealed record DistributionOrderResponse(string Id, string SupplierAccountId, string DistributorAccountId, string WarehouseId,
    Platform Platform, string? ShopId, string? MarketplaceOrderNo, DistributionOrderStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? ShippedAt, string Currency, decimal DistributionFee, decimal StockOutAmount, decimal SettledAmount,
        decimal UnsettledAmount,
    IReadOnlyList<DistributionOrderLineResponse> Lines);

public sealed record SettlementResponse(string Id, string DistributionOrderId, SettlementType Type, decimal Amount, decimal SettledAfter,
    PaymentMethod? Method, string? Reference, DateTimeOffset CreatedAt);

public sealed record PaymentResponse(string Id, string DistributionOrderId, decimal Amount, PaymentMethod? Method, string Currency,
    decimal SettledAfter, DateTimeOffset CreatedAt, DistributionOrderResponse Order);

public static class DistributionOrdersApi
{
    public static DistributionOrderResponse ToResponse(this DistributionOrder o)
    {
        decimal M(decimal v) => Money.Present(v, o.Currency);
        return new(
            Id: o.Id,
            SupplierAccountId: o.SupplierAccountId,
            DistributorAccountId: o.DistributorAccountId,
            WarehouseId: o.WarehouseId,
            Platform: o.Platform,
            ShopId: o.ShopId,
            MarketplaceOrderNo: o.MarketplaceOrderNo,
            Status: o.Status,
            CreatedAt: o.CreatedAt,
            ShippedAt: o.ShippedAt,
            Currency: o.Currency,
            DistributionFee: M(o.DistributionFee),
            StockOutAmount: M(o.StockOutAmount),
            SettledAmount: M(o.SettledAmount),
            UnsettledAmount: M(o.UnsettledAmount),
            Lines: o.Lines.Select(l => new DistributionOrderLineResponse(l.SupplierSkuCode, l.MerchantSkuCode, l.Quantity,
                l.MerchantQuantity, l.UnitPriceAtShipment is { } p ? M(p) : null)).ToList());
    }

    private static SettlementResponse ToResponse(this OrderSettlement s, string currency) => new(
        Id: s.Id,
        DistributionOrderId: s.DistributionOrderId,
        Type: s.Type,
        Amount: Money.Present(s.Amount, currency),
        SettledAfter: Money.Present(s.SettledAfter, currency),
        Method: s.Method,
        Reference: s.Reference,
        CreatedAt: s.CreatedAt);

    private static PaymentResponse ToPaymentResponse(this OrderSettlement s, DistributionOrder order) => new(
        Id: s.Id,
        DistributionOrderId: order.Id,
        Amount: Money.Present(s.Amount, order.Currency),
        Method: s.Method,
        Currency: order.Currency,
        SettledAfter: Money.Present(s.SettledAfter, order.Currency),
        CreatedAt: s.CreatedAt,
        Order: order.ToResponse());

    public static IEndpointRouteBuilder MapDistributionOrders(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/distribution-orders", "Distribution orders").RequirePermissionToWrite(Permission.Stock);
        g.MapPost("/", CreateAsync).WithSummary("Distributor: an order for the supplier to ship; createdAt (past only) imports history.");
        g.MapGet("/", ListAsync).WithSummary("Orders in both directions: as distributor and as supplier.");
        g.MapGet("/counts", CountsAsync);
        g.MapGet("/{id}", async Task<Ok<DistributionOrderResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.DistributionOrders.AsNoTracking().FindForPartyAsync(p.AccountId(), id, ct)).ToResponse()));
        g.MapPost("/{id}/ship", ShipAsync)
            .WithSummary("Supplier: stock-out. Freezes unit prices at shipment and the distribution fee; stock falls.");
        g.MapPost("/{id}/cancel", async Task<Ok<DistributionOrderResponse>> (string id, ClaimsPrincipal p, CancelDistributionOrder useCase,
            CancellationToken ct) => TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Either side: cancel an order that has not shipped.");
        g.MapPost("/{id}/payments", PayAsync).RequirePermission(Permission.Money)
            .WithSummary("Supplier: record a payment; CustomerBalance debits the distributor's balance (refused when too low).");
        g.MapGet("/{id}/settlements", SettlementsAsync)
            .WithSummary("The order's settlement ledger: payments and refund deductions, oldest first.");
        return app;
    }

    private static async Task<Created<DistributionOrderResponse>> CreateAsync(CreateDistributionOrder.Request request, ClaimsPrincipal p,
        CreateDistributionOrder useCase, CancellationToken ct)
    {
        var order = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/distribution-orders/{order.Id}", order.ToResponse());
    }

    private static async Task<Ok<DistributionOrderResponse>> ShipAsync(string id, ShipDistributionOrder.Request? request, ClaimsPrincipal p,
        ShipDistributionOrder useCase, CancellationToken ct) =>
        TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request ?? new(null, null, null), ct)).ToResponse());

    private static async Task<Created<PaymentResponse>> PayAsync(string id, RecordPayment.Request request, ClaimsPrincipal p,
        RecordPayment useCase, AppDbContext db, CancellationToken ct)
    {
        var settlement = await useCase.HandleAsync(p.AccountId(), id, request, ct);
        var order = await db.DistributionOrders.AsNoTracking().FindForPartyAsync(p.AccountId(), id, ct);
        return TypedResults.Created($"/api/v1/distribution-orders/{id}/settlements", settlement.ToPaymentResponse(order));
    }

    private static async Task<Ok<ItemsResponse<SettlementResponse>>> SettlementsAsync(string id, ClaimsPrincipal p, AppDbContext db,
        CancellationToken ct)
    {
        var order = await db.DistributionOrders.AsNoTracking().FindForPartyAsync(p.AccountId(), id, ct);
        var rows = await db.OrderSettlements.AsNoTracking().Where(s => s.DistributionOrderId == id).OrderBy(s => s.Id).ToListAsync(ct);
        return TypedResults.Ok(new ItemsResponse<SettlementResponse>(rows.Select(s => s.ToResponse(order.Currency)).ToList()));
    }

    private static async Task<Ok<Page<DistributionOrderResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db,
        DistributionOrderStatus? status,
        string? supplierId, string? distributorId, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.DistributionOrdersPageAsync(p.AccountId(), status, supplierId, distributorId,
            PageRequest.From(limit, cursor), o => o.ToResponse(), ct));

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(ClaimsPrincipal p, AppDbContext db, string? supplierId,
        string? distributorId, CancellationToken ct) =>
        TypedResults.Ok(await db.DistributionOrderCountsAsync(p.AccountId(), supplierId, distributorId, ct));
}

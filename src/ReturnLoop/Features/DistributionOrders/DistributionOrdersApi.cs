namespace ReturnLoop.Features.DistributionOrders;

public sealed record DistributionOrderLineResponse(string SupplierSkuCode, string MerchantSkuCode, int Quantity, int MerchantQuantity, decimal? UnitPriceAtShipment);

public sealed record DistributionOrderResponse(string Id, string SupplierAccountId, string DistributorAccountId, string WarehouseId, Platform Platform,
    string? ShopId, string? MarketplaceOrderNo, DistributionOrderStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ShippedAt, string Currency,
    decimal DistributionFee, decimal StockOutAmount, decimal SettledAmount, decimal UnsettledAmount, IReadOnlyList<DistributionOrderLineResponse> Lines);

public sealed record SettlementResponse(string Id, string DistributionOrderId, SettlementType Type, decimal Amount, decimal SettledAfter,
    PaymentMethod? Method, string? Reference, DateTimeOffset CreatedAt);

public sealed record PaymentResponse(string Id, string DistributionOrderId, decimal Amount, PaymentMethod? Method, string Currency, decimal SettledAfter,
    DateTimeOffset CreatedAt, DistributionOrderResponse Order);

public static class DistributionOrdersApi
{
    public static DistributionOrderResponse ToResponse(this DistributionOrder o)
    {
        decimal M(decimal v) => Money.Present(v, o.Currency);
        return new(o.Id, o.SupplierAccountId, o.DistributorAccountId, o.WarehouseId, o.Platform, o.ShopId, o.MarketplaceOrderNo, o.Status, o.CreatedAt,
            o.ShippedAt, o.Currency, M(o.DistributionFee), M(o.StockOutAmount), M(o.SettledAmount), M(o.UnsettledAmount),
            o.Lines.Select(l => new DistributionOrderLineResponse(l.SupplierSkuCode, l.MerchantSkuCode, l.Quantity, l.MerchantQuantity,
                l.UnitPriceAtShipment is { } p ? M(p) : null)).ToList());
    }

    private static SettlementResponse ToResponse(this OrderSettlement s, string currency) =>
        new(s.Id, s.DistributionOrderId, s.Type, Money.Present(s.Amount, currency), Money.Present(s.SettledAfter, currency), s.Method, s.Reference, s.CreatedAt);

    public static IEndpointRouteBuilder MapDistributionOrders(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/distribution-orders", "Distribution orders");
        g.MapPost("/", async Task<Created<DistributionOrderResponse>> (CreateDistributionOrder.Request request, ClaimsPrincipal p, CreateDistributionOrder useCase, CancellationToken ct) =>
        {
            var order = await useCase.HandleAsync(p.AccountId(), request, ct);
            return TypedResults.Created($"/api/v1/distribution-orders/{order.Id}", order.ToResponse());
        }).WithSummary("Distributor: an order for the supplier to ship; createdAt (past only) imports history.");
        g.MapGet("/", ListAsync).WithSummary("Orders in both directions: as distributor and as supplier.");
        g.MapGet("/counts", CountsAsync);
        g.MapGet("/{id}", async Task<Ok<DistributionOrderResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await FindAsync(db, p.AccountId(), id, ct)).ToResponse()));
        g.MapPost("/{id}/ship", async Task<Ok<DistributionOrderResponse>> (string id, ShipDistributionOrder.Request? request, ClaimsPrincipal p, ShipDistributionOrder useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request ?? new(null, null, null), ct)).ToResponse()))
            .WithSummary("Supplier: stock-out. Freezes unit prices at shipment and the distribution fee; stock falls.");
        g.MapPost("/{id}/cancel", async Task<Ok<DistributionOrderResponse>> (string id, ClaimsPrincipal p, CancelDistributionOrder useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Either side: cancel an order that has not shipped.");
        g.MapPost("/{id}/payments", async Task<Created<PaymentResponse>> (string id, RecordPayment.Request request, ClaimsPrincipal p, RecordPayment useCase, AppDbContext db, CancellationToken ct) =>
        {
            var s = await useCase.HandleAsync(p.AccountId(), id, request, ct);
            var order = await FindAsync(db, p.AccountId(), id, ct);
            return TypedResults.Created($"/api/v1/distribution-orders/{id}/settlements",
                new PaymentResponse(s.Id, id, Money.Present(s.Amount, order.Currency), s.Method, order.Currency, Money.Present(s.SettledAfter, order.Currency), s.CreatedAt, order.ToResponse()));
        }).WithSummary("Supplier: record a payment; CustomerBalance debits the distributor's balance (refused when too low).");
        g.MapGet("/{id}/settlements", async Task<Ok<ItemsResponse<SettlementResponse>>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
        {
            var order = await FindAsync(db, p.AccountId(), id, ct);
            var rows = await db.OrderSettlements.AsNoTracking().Where(s => s.DistributionOrderId == id).OrderBy(s => s.Id).ToListAsync(ct);
            return TypedResults.Ok(new ItemsResponse<SettlementResponse>(rows.Select(s => s.ToResponse(order.Currency)).ToList()));
        }).WithSummary("The order's settlement ledger: payments and refund deductions, oldest first.");
        return app;
    }

    private static async Task<DistributionOrder> FindAsync(AppDbContext db, string me, string id, CancellationToken ct) =>
        await db.DistributionOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && (o.SupplierAccountId == me || o.DistributorAccountId == me), ct)
        ?? throw DomainError.NotFound("distribution order");

    private static IQueryable<DistributionOrder> Filter(AppDbContext db, string me, DistributionOrderStatus? status, string? supplierId, string? distributorId)
    {
        var query = db.DistributionOrders.AsNoTracking().Where(o => o.SupplierAccountId == me || o.DistributorAccountId == me);
        if (status is { } s) query = query.Where(o => o.Status == s);
        if (supplierId is not null) query = query.Where(o => o.SupplierAccountId == supplierId);
        if (distributorId is not null) query = query.Where(o => o.DistributorAccountId == distributorId);
        return query;
    }

    private static async Task<Ok<Page<DistributionOrderResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db, DistributionOrderStatus? status,
        string? supplierId, string? distributorId, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await Filter(db, p.AccountId(), status, supplierId, distributorId).ToPageAsync(PageRequest.From(limit, cursor), o => o.ToResponse(), ct));

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(ClaimsPrincipal p, AppDbContext db, string? supplierId, string? distributorId, CancellationToken ct) =>
        TypedResults.Ok(await Filter(db, p.AccountId(), null, supplierId, distributorId).CountByStatusAsync(o => o.Status, ct));
}

namespace ReturnLoop.Features.Balances;

public sealed record BalanceResponse(string SupplierAccountId, string? SupplierName, string DistributorAccountId, string? DistributorName,
    string Currency, decimal Balance, DateTimeOffset UpdatedAt);

public sealed record LedgerEntryResponse(string Id, BalanceEntryType Type, decimal Amount, decimal BalanceAfter, string Currency,
    string? Reference, string? Note, DateTimeOffset CreatedAt);

/// <summary>Customer balances: the distributor's own at each supplier, and the supplier's view of each distributor's.</summary>
public static class BalancesApi
{
    public static LedgerEntryResponse ToResponse(this BalanceLedgerEntry e) => new(
        Id: e.Id,
        Type: e.Type,
        Amount: Money.Present(e.Amount, e.Currency),
        BalanceAfter: Money.Present(e.BalanceAfter, e.Currency),
        Currency: e.Currency,
        Reference: e.Reference,
        Note: e.Note,
        CreatedAt: e.CreatedAt);

    private static BalanceResponse ToResponse(this CustomerBalance b, IReadOnlyDictionary<string, string> names) => new(
        SupplierAccountId: b.SupplierAccountId,
        SupplierName: names.GetValueOrDefault(b.SupplierAccountId),
        DistributorAccountId: b.DistributorAccountId,
        DistributorName: names.GetValueOrDefault(b.DistributorAccountId),
        Currency: b.Currency,
        Balance: Money.Present(b.Balance, b.Currency),
        UpdatedAt: b.UpdatedAt);

    public static IEndpointRouteBuilder MapBalances(this IEndpointRouteBuilder app)
    {
        var mine = app.MapApiGroup("/api/v1/balances", "Customer balances");
        mine.MapGet("/", (ClaimsPrincipal p, AppDbContext db, int? limit, string? cursor, CancellationToken ct) =>
            ListAsync(db, db.BalancesOfDistributor(p.AccountId()), limit, cursor, ct))
            .WithSummary("Distributor: my customer balance at each supplier.");
        mine.MapGet("/{supplierId}/ledger",
            (string supplierId, ClaimsPrincipal p, AppDbContext db, int? limit, string? cursor, CancellationToken ct) =>
            LedgerAsync(db, supplierId, p.AccountId(), limit, cursor, ct))
                .WithSummary("Distributor: the ledger of my balance at one supplier, newest first.");

        var theirs = app.MapApiGroup("/api/v1/supplier/customer-balances", "Customer balances")
            .RequirePermissionToWrite(Permission.Money);
        theirs.MapGet("/", (ClaimsPrincipal p, AppDbContext db, int? limit, string? cursor, CancellationToken ct) =>
            ListAsync(db, db.BalancesOfSupplier(p.AccountId()), limit, cursor, ct))
            .WithSummary("Supplier: each distributor's balance held with me.");
        theirs.MapGet("/{distributorId}/ledger",
            (string distributorId, ClaimsPrincipal p, AppDbContext db, int? limit, string? cursor, CancellationToken ct) =>
            LedgerAsync(db, p.AccountId(), distributorId, limit, cursor, ct));
        theirs.MapPost("/{distributorId}/credits",
            async Task<Created<LedgerEntryResponse>> (string distributorId, AddManualCredit.Request request, ClaimsPrincipal p,
                AddManualCredit useCase, CancellationToken ct) =>
        {
            var entry = await useCase.HandleAsync(p.AccountId(), distributorId, request, ct);
            return TypedResults.Created($"/api/v1/supplier/customer-balances/{distributorId}/ledger", entry.ToResponse());
        }).WithSummary("Supplier: add credit by hand (manual bookkeeping).");
        return app;
    }

    private static async Task<Ok<Page<BalanceResponse>>> ListAsync(AppDbContext db, IQueryable<CustomerBalance> query, int? limit,
        string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), async rows =>
        {
            var ids = rows.SelectMany(b => new[] { b.SupplierAccountId, b.DistributorAccountId }).Distinct().ToList();
            var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            return (IReadOnlyList<BalanceResponse>)rows.Select(b => b.ToResponse(names)).ToList();
        }, ct));

    private static async Task<Ok<Page<LedgerEntryResponse>>> LedgerAsync(AppDbContext db, string supplierId, string distributorId,
        int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.LedgerOf(supplierId, distributorId).ToPageAsync(PageRequest.From(limit, cursor), e => e.ToResponse(), ct));
}

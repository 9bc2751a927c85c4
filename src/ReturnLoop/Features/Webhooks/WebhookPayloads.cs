using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.SupplierReturns;

namespace ReturnLoop.Features.Webhooks;

/// <summary>
/// The <c>data</c> of an event: the resource as the API's GET answers it, built from the entities of the save that
/// changed it, through the features' own <c>ToResponse()</c> (list shape: no timeline); this class only loads what
/// those mappers need beside the entity (names, return statuses, fees) for all of a save's events at once.
/// </summary>
internal sealed class WebhookPayloads
{
    private readonly Dictionary<string, (string Name, decimal ReturnHandlingFee)> _accounts;
    private readonly Dictionary<string, DistributionReturnStatus> _returnStatuses;
    private readonly Dictionary<string, decimal> _frozenFees;
    private readonly Dictionary<string, ReturnStockInStatus> _stockInStatuses;

    private WebhookPayloads(Dictionary<string, (string, decimal)> accounts, Dictionary<string, DistributionReturnStatus> returnStatuses,
        Dictionary<string, decimal> frozenFees, Dictionary<string, ReturnStockInStatus> stockInStatuses)
    {
        _accounts = accounts;
        _returnStatuses = returnStatuses;
        _frozenFees = frozenFees;
        _stockInStatuses = stockInStatuses;
    }

    /// <summary>Loads what the mappers need beyond the entities in at most four small queries; the tracked entities win.</summary>
    public static async Task<WebhookPayloads> LoadAsync(AppDbContext db, IReadOnlyCollection<object> entities, CancellationToken ct)
    {
        var accountIds = entities.SelectMany(e => e switch
        {
            SupplierReturn s => new[] { s.SupplierAccountId, s.DistributorAccountId },
            BalanceLedgerEntry b => [b.SupplierAccountId, b.DistributorAccountId],
            _ => [],
        }).Distinct().ToList();
        var accounts = accountIds.Count == 0 ? [] : await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.ReturnHandlingFee }).ToDictionaryAsync(a => a.Id, a => (a.Name, a.ReturnHandlingFee), ct);

        var tracked = db.ChangeTracker.Entries<DistributionReturn>().ToDictionary(e => e.Entity.Id, e => e.Entity.Status);
        var returnIds = entities.OfType<AfterSalesOrder>().Select(a => a.DistributionReturnId).OfType<string>()
            .Where(id => !tracked.ContainsKey(id)).Distinct().ToList();
        if (returnIds.Count > 0)
            foreach (var r in await db.DistributionReturns.AsNoTracking().Where(r => returnIds.Contains(r.Id))
                         .Select(r => new { r.Id, r.Status }).ToListAsync(ct))
                tracked[r.Id] = r.Status;

        var fees = db.ChangeTracker.Entries<RefundOrder>().ToDictionary(e => e.Entity.Id, e => e.Entity.ReturnHandlingFee);
        var refundIds = entities.OfType<SupplierReturn>().Select(s => s.ActiveRefundOrderId).OfType<string>()
            .Where(id => !fees.ContainsKey(id)).Distinct().ToList();
        if (refundIds.Count > 0)
            foreach (var r in await db.RefundOrders.AsNoTracking().Where(r => refundIds.Contains(r.Id))
                         .Select(r => new { r.Id, r.ReturnHandlingFee }).ToListAsync(ct))
                fees[r.Id] = r.ReturnHandlingFee;

        // A regular after-sales order's own Return & Stock-in, as the API shows it beside the distribution return.
        var stockIns = db.ChangeTracker.Entries<ReturnStockIn>().ToDictionary(e => e.Entity.Id, e => e.Entity.Status);
        var stockInIds = entities.OfType<AfterSalesOrder>().Select(a => a.ReturnStockInId).OfType<string>()
            .Where(id => !stockIns.ContainsKey(id)).Distinct().ToList();
        if (stockInIds.Count > 0)
            foreach (var r in await db.ReturnStockIns.AsNoTracking().Where(r => stockInIds.Contains(r.Id))
                         .Select(r => new { r.Id, r.Status }).ToListAsync(ct))
                stockIns[r.Id] = r.Status;

        return new WebhookPayloads(accounts, tracked, fees, stockIns);
    }

    public object Data(object entity) => entity switch
    {
        AfterSalesOrder a => AfterSalesData(a),
        DistributionReturn r => r.ToResponse(),
        SupplierReturn s => SupplierReturnData(s),
        RefundOrder r => r.ToResponse(),
        BalanceLedgerEntry b => BalanceData(b),
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity.GetType().Name, "No webhook data for this entity."),
    };

    /// <summary>As <c>GET /api/v1/after-sales-orders</c> lists it.</summary>
    private AfterSalesOrderResponse AfterSalesData(AfterSalesOrder a) =>
        a.ToResponse(a.DistributionReturnId is { } rid && _returnStatuses.TryGetValue(rid, out var status)
            ? new DistributionReturnSummary(rid, status)
            : null,
            a.ReturnStockInId is { } sid && _stockInStatuses.TryGetValue(sid, out var own) ? new ReturnStockInSummary(sid, own) : null,
            timeline: null);

    /// <summary>As <c>GET /api/v1/supplier/return-stock-ins</c> lists it; the estimate takes a refund's frozen fee.</summary>
    private SupplierReturnResponse SupplierReturnData(SupplierReturn r) =>
        r.ToResponse(Name(r.DistributorAccountId),
            r.EstimatedRefund(_accounts.GetValueOrDefault(r.SupplierAccountId).ReturnHandlingFee,
                r.ActiveRefundOrderId is { } rid && _frozenFees.TryGetValue(rid, out var frozen) ? frozen : null),
            timeline: null);

    /// <summary>As <c>GET /api/v1/balances</c> lists it; the amount is the entry's balance after, never a tracked balance row.</summary>
    private BalanceResponse BalanceData(BalanceLedgerEntry e) =>
        new(e.SupplierAccountId, Name(e.SupplierAccountId), e.DistributorAccountId, Name(e.DistributorAccountId), e.Currency,
            Money.Present(e.BalanceAfter, e.Currency), e.CreatedAt);

    private string? Name(string accountId) => _accounts.TryGetValue(accountId, out var a) ? a.Name : null;
}

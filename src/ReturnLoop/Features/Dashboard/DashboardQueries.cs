using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.Features.Dashboard;

/// <summary>
/// The dashboard's figures, one method each, for one account at one instant (<c>now</c> from the caller's TimeProvider).
/// Counts and sums are grouped in the database, so they cost the same with 100k orders as with ten. Only the 30-day
/// series read rows, and only the rows of those 30 days: SQLite keeps instants as UTC ticks and PostgreSQL as
/// timestamptz, and no day expression translates on both, so the days are bucketed here.
/// </summary>
public sealed class DashboardQueries(AppDbContext db)
{
    /// <summary>How many days the series show, today included.</summary>
    public const int SeriesDays = 30;

    /// <summary>How many rows the "waiting longest" tables and the return rate show.</summary>
    public const int WaitingRows = 5;
    public const int TopSkus = 10;

    public sealed record Count(string Key, int Value);

    /// <summary>One day of a series: the UTC date and the amount.</summary>
    public sealed record DayAmount(DateOnly Day, decimal Amount);

    /// <summary>Returned quantity / shipped quantity of one supplier SKU.</summary>
    public sealed record SkuReturnRate(string SupplierSkuCode, int Shipped, int Returned)
    {
        public double Rate => Shipped == 0 ? 0 : (double)Returned / Shipped;
    }

    /// <summary>A row of "waiting longest": what to open and since when it waits in its status.</summary>
    public sealed record Waiting(string Id, string OrderNo, string Status, DateTimeOffset Since, TimeSpan Age);

    public sealed record DistributorCards(int OpenAfterSales, int ToPush, int RefundsToConfirm, decimal RefundedThisMonth, string Currency);

    public sealed record SupplierCards(int PendingStockIn, int AwaitingRefund, int RefundsAwaitingConfirmation, decimal RefundedThisMonth,
        string Currency);

    // ---- distributor ---------------------------------------------------------------------------------------

    public async Task<DistributorCards> DistributorCardsAsync(string accountId, DateTimeOffset now, CancellationToken ct)
    {
        var currency = await CurrencyAsync(accountId, ct);
        var open = await db.AfterSalesOrders.CountAsync(a => a.DistributorAccountId == accountId
            && a.Status != AfterSalesStatus.Completed && a.Status != AfterSalesStatus.Cancelled, ct);
        var toPush = await db.DistributionReturns.CountAsync(r => r.DistributorAccountId == accountId
            && (r.Status == DistributionReturnStatus.ToPush || r.Status == DistributionReturnStatus.PushFailed), ct);
        var toConfirm = await db.RefundOrders.CountAsync(r => r.DistributorAccountId == accountId && r.Method == RefundMethod.BankTransfer
            && (r.Status == RefundStatus.AwaitingConfirmation || r.Status == RefundStatus.NotReceived), ct);
        var refunded = await RefundedSinceAsync(db.RefundOrders.Where(r => r.DistributorAccountId == accountId), currency,
            MonthStart(now), ct);
        return new DistributorCards(open, toPush, toConfirm, refunded, currency);
    }

    /// <summary>The distributor's after-sales orders by status, every status present.</summary>
    public Task<Dictionary<string, int>> AfterSalesByStatusAsync(string accountId, CancellationToken ct) =>
        db.TabCountsAsync<AfterSalesStatus>(CountedLists.AfterSalesOrders, accountId, null, ct);

    /// <summary>The distributor's after-sales orders by reason, most frequent first; no reason counts under "".</summary>
    public async Task<IReadOnlyList<Count>> AfterSalesByReasonAsync(string accountId, CancellationToken ct, int top = 8)
    {
        var rows = await db.AfterSalesOrders.Where(a => a.DistributorAccountId == accountId)
            .GroupBy(a => a.Reason)
            .Select(g => new { Reason = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason)
            .Take(top)
            .ToListAsync(ct);
        return rows.Select(r => new Count(r.Reason ?? "", r.Count)).ToList();
    }

    /// <summary>Refunds the distributor received (completed), per UTC day of the last 30, in the account's currency.</summary>
    public async Task<IReadOnlyList<DayAmount>> RefundsReceivedPerDayAsync(string accountId, DateTimeOffset now, CancellationToken ct) =>
        await RefundsPerDayAsync(db.RefundOrders.Where(r => r.DistributorAccountId == accountId), await CurrencyAsync(accountId, ct), now,
            ct);

    /// <summary>The Return Amount of the distributor's returns stocked in by its suppliers, per UTC day of the last 30.</summary>
    public async Task<IReadOnlyList<DayAmount>> DistributorReturnedValuePerDayAsync(string accountId, DateTimeOffset now,
        CancellationToken ct) =>
        await ReturnedValuePerDayAsync(db.SupplierReturns.Where(r => r.DistributorAccountId == accountId),
            await CurrencyAsync(accountId, ct), now, ct);

    /// <summary>The open after-sales orders that have waited longest since they were created, oldest first.</summary>
    public async Task<IReadOnlyList<Waiting>> AfterSalesWaitingLongestAsync(string accountId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.AfterSalesOrders.AsNoTracking()
            .Where(a => a.DistributorAccountId == accountId && a.Status != AfterSalesStatus.Completed
                && a.Status != AfterSalesStatus.Cancelled)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Take(WaitingRows)
            .Select(a => new
            {
                a.Id, a.MarketplaceOrderNo, a.DistributionOrderId, a.StoreOrderId, a.PlatformReturnId, a.Status, a.CreatedAt,
            })
            .ToListAsync(ct);
        return rows.Select(a => new Waiting(a.Id,
            a.MarketplaceOrderNo ?? a.DistributionOrderId ?? a.StoreOrderId ?? a.PlatformReturnId ?? a.Id, a.Status.ToString(), a.CreatedAt,
            now - a.CreatedAt)).ToList();
    }

    // ---- supplier ------------------------------------------------------------------------------------------

    public async Task<SupplierCards> SupplierCardsAsync(string accountId, DateTimeOffset now, CancellationToken ct) =>
        await SupplierCardsAsync(accountId, now, await SupplierReturnsByStatusAsync(accountId, ct), ct);

    /// <summary>The cards from the returns' counts by status the caller already read (the page charts them too).</summary>
    public async Task<SupplierCards> SupplierCardsAsync(string accountId, DateTimeOffset now, IReadOnlyDictionary<string, int> counts,
        CancellationToken ct)
    {
        var currency = await CurrencyAsync(accountId, ct);
        var awaitingConfirmation = await db.RefundOrders.CountAsync(r => r.SupplierAccountId == accountId
            && (r.Status == RefundStatus.AwaitingConfirmation || r.Status == RefundStatus.NotReceived), ct);
        var refunded = await RefundedSinceAsync(db.RefundOrders.Where(r => r.SupplierAccountId == accountId), currency, MonthStart(now),
            ct);
        return new SupplierCards(counts[nameof(SupplierReturnStatus.PendingStockIn)], counts[nameof(SupplierReturnStatus.ReceivedReturn)],
            awaitingConfirmation, refunded, currency);
    }

    /// <summary>The supplier's returns by status, every status present.</summary>
    public Task<Dictionary<string, int>> SupplierReturnsByStatusAsync(string accountId, CancellationToken ct) =>
        db.TabCountsAsync<SupplierReturnStatus>(CountedLists.SupplierReturns, accountId, null, ct);

    /// <summary>Refunds the supplier paid (completed), per UTC day of the last 30, in the account's currency.</summary>
    public async Task<IReadOnlyList<DayAmount>> RefundsPaidPerDayAsync(string accountId, DateTimeOffset now, CancellationToken ct) =>
        await RefundsPerDayAsync(db.RefundOrders.Where(r => r.SupplierAccountId == accountId), await CurrencyAsync(accountId, ct), now, ct);

    /// <summary>The Return Amount of the returns the supplier stocked in, per UTC day of the last 30.</summary>
    public async Task<IReadOnlyList<DayAmount>> SupplierReturnedValuePerDayAsync(string accountId, DateTimeOffset now,
        CancellationToken ct) =>
        await ReturnedValuePerDayAsync(db.SupplierReturns.Where(r => r.SupplierAccountId == accountId), await CurrencyAsync(accountId, ct),
            now, ct);

    /// <summary>
    /// Per supplier SKU: units shipped on the supplier's shipped orders and units pushed back to it (every return
    /// not recalled, by its expected quantity); the highest rate first, ties by the most returned.
    /// </summary>
    public async Task<IReadOnlyList<SkuReturnRate>> ReturnRatePerSkuAsync(string accountId, CancellationToken ct)
    {
        var returned = await SumPerSkuAsync("SupplierReturns", "ExpectedQuantity", accountId,
            "<>", nameof(SupplierReturnStatus.Recalled), ct);
        if (returned.Count == 0) return [];
        var shipped = (await SumPerSkuAsync("DistributionOrders", "Quantity", accountId, "=", nameof(DistributionOrderStatus.Shipped), ct))
            .ToDictionary(s => s.Sku, s => s.Quantity);
        return returned
            .Select(r => new SkuReturnRate(r.Sku, (int)shipped.GetValueOrDefault(r.Sku), (int)r.Quantity))
            .OrderByDescending(r => r.Rate).ThenByDescending(r => r.Returned).ThenBy(r => r.SupplierSkuCode, StringComparer.Ordinal)
            .Take(TopSkus)
            .ToList();
    }

    /// <summary>What <see cref="SumPerSkuAsync"/> reads.</summary>
    private sealed class SkuQuantity
    {
        public string Sku { get; set; } = "";
        public long Quantity { get; set; }
    }

    /// <summary>
    /// Σ of one quantity of the JSON lines per supplier SKU, grouped in the database. Raw SQL because EF translates a
    /// SelectMany over a JSON collection with an APPLY that SQLite lacks; the two dialects differ only in how a JSON
    /// array is opened. The table, column and operator come from the callers above, never from input.
    /// </summary>
    private async Task<List<SkuQuantity>> SumPerSkuAsync(string table, string quantity, string supplierAccountId, string statusOperator,
        string status, CancellationToken ct)
    {
        var sql = db.Database.IsSqlite()
            ? $$"""
              SELECT json_extract(l.value, '$.SupplierSkuCode') AS "Sku", SUM(json_extract(l.value, '$.{{quantity}}')) AS "Quantity"
              FROM "{{table}}" AS r, json_each(r."Lines") AS l
              WHERE r."SupplierAccountId" = {0} AND r."Status" {{statusOperator}} {1}
              GROUP BY 1
              """
            : $$"""
              SELECT l.value ->> 'SupplierSkuCode' AS "Sku", SUM((l.value ->> '{{quantity}}')::bigint)::bigint AS "Quantity"
              FROM "{{table}}" AS r CROSS JOIN LATERAL jsonb_array_elements(r."Lines") AS l(value)
              WHERE r."SupplierAccountId" = {0} AND r."Status" {{statusOperator}} {1}
              GROUP BY 1
              """;
        return await db.Database.SqlQueryRaw<SkuQuantity>(sql, supplierAccountId, status).ToListAsync(ct);
    }

    /// <summary>
    /// Returns waiting for the supplier: for stock-in since they were pushed, for a refund since they were received;
    /// the longest waiting first.
    /// </summary>
    public async Task<IReadOnlyList<Waiting>> SupplierWaitingLongestAsync(string accountId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.SupplierReturns.AsNoTracking()
            .Where(r => r.SupplierAccountId == accountId
                && (r.Status == SupplierReturnStatus.PendingStockIn || r.Status == SupplierReturnStatus.ReceivedReturn))
            .Select(r => new { r.Id, r.MarketplaceOrderNo, r.DistributionOrderId, r.Status, Since = r.ReceivedAt ?? r.CreatedAt })
            .OrderBy(r => r.Since).ThenBy(r => r.Id)
            .Take(WaitingRows)
            .ToListAsync(ct);
        return rows.Select(r => new Waiting(r.Id, r.MarketplaceOrderNo ?? r.DistributionOrderId, r.Status.ToString(), r.Since,
            now - r.Since)).ToList();
    }

    // ---- shared --------------------------------------------------------------------------------------------

    /// <summary>The first UTC day of the series ending today.</summary>
    public static DateOnly FirstDay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(SeriesDays - 1));

    private static DateTimeOffset MonthStart(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0,
        TimeSpan.Zero);

    private async Task<string> CurrencyAsync(string accountId, CancellationToken ct) =>
        await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Currency).SingleAsync(ct);

    private static async Task<decimal> RefundedSinceAsync(IQueryable<RefundOrder> refunds, string currency, DateTimeOffset since,
        CancellationToken ct) =>
        await refunds.Where(r => r.Status == RefundStatus.Completed && r.Currency == currency && r.CompletedAt >= since)
            .SumAsync(r => r.RefundableAmount, ct);

    private static async Task<IReadOnlyList<DayAmount>> RefundsPerDayAsync(IQueryable<RefundOrder> refunds, string currency,
        DateTimeOffset now, CancellationToken ct)
    {
        var since = Start(now);
        var rows = await refunds.AsNoTracking()
            .Where(r => r.Status == RefundStatus.Completed && r.Currency == currency && r.CompletedAt >= since)
            .Select(r => new { At = r.CompletedAt!.Value, r.RefundableAmount })
            .ToListAsync(ct);
        return Bucket(now, rows.Select(r => (r.At, r.RefundableAmount)));
    }

    private static async Task<IReadOnlyList<DayAmount>> ReturnedValuePerDayAsync(IQueryable<SupplierReturn> returns, string currency,
        DateTimeOffset now, CancellationToken ct)
    {
        var since = Start(now);
        var rows = await returns.AsNoTracking()
            .Where(r => r.Currency == currency && r.ReceivedAt >= since)
            .ToListAsync(ct);
        // ReturnAmount is the entity's rule (price at shipment × received quantity), not repeated here.
        return Bucket(now, rows.Select(r => (r.ReceivedAt!.Value, r.ReturnAmount)));
    }

    private static DateTimeOffset Start(DateTimeOffset now) => new(FirstDay(now).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Every day of the window, 0 where nothing happened.</summary>
    private static List<DayAmount> Bucket(DateTimeOffset now, IEnumerable<(DateTimeOffset At, decimal Amount)> rows)
    {
        var first = FirstDay(now);
        var sums = rows.GroupBy(r => DateOnly.FromDateTime(r.At.UtcDateTime)).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        return Enumerable.Range(0, SeriesDays).Select(i => first.AddDays(i)).Select(d => new DayAmount(d, sums.GetValueOrDefault(d)))
            .ToList();
    }
}

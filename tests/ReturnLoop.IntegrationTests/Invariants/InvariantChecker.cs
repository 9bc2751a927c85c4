using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.TabCounts;

namespace ReturnLoop.IntegrationTests.Invariants;

/// <summary>
/// The books' invariants (issue 10, item 4), read straight from the database through <see cref="AppDbContext"/> so they hold
/// on both providers whatever path wrote the rows: the API, a worker, a process killed half-way, a restore. Each break is
/// one line naming the row, so a failing property test or crash test says what went wrong, not only that something did.
/// </summary>
public static class InvariantChecker
{
    /// <summary>Fails the test with every break found, one per line.</summary>
    public static async Task AssertHoldsAsync(AppDbContext db, IReadOnlyCollection<string>? accountIds = null)
    {
        var breaks = await BreaksAsync(db, accountIds);
        Assert.True(breaks.Count == 0, $"{breaks.Count} invariant(s) broken:\n{string.Join("\n", breaks)}");
    }

    /// <summary>A context on a database the test does not host itself (a server process of its own, a restored file).</summary>
    public static AppDbContext Open(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>Every break of the invariants among the rows of these accounts (all rows when null).</summary>
    public static async Task<List<string>> BreaksAsync(AppDbContext db, IReadOnlyCollection<string>? accountIds = null)
    {
        var r = await Rows.LoadAsync(db, accountIds);
        var breaks = new List<string>();
        Balances(r, breaks);
        Stock(r, breaks);
        Orders(r, breaks);
        Refunds(r, breaks);
        ReturnedNoMoreThanShipped(r, breaks);
        Statuses(r, breaks);
        await TabCountsAsync(db, accountIds, breaks);
        return breaks;
    }

    /// <summary>
    /// The kept tab counts of every list equal the rows' own counts, per owner, partner and status, whatever wrote them (a
    /// save, a retry after a lost race, a process killed half-way, the folding of the counts).
    /// </summary>
    private static async Task TabCountsAsync(AppDbContext db, IReadOnlyCollection<string>? ids, List<string> breaks)
    {
        bool Mine(string account) => ids is null || ids.Contains(account);
        var kept = (await db.TabCounts.AsNoTracking().ToListAsync()).Where(c => Mine(c.AccountId))
            .GroupBy(c => new TabKey(c.List, c.AccountId, c.PartnerId, c.Status))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var rows = new Dictionary<Type, List<object>>
        {
            [typeof(AfterSalesOrder)] = [.. await db.AfterSalesOrders.AsNoTracking().ToListAsync()],
            [typeof(DistributionReturn)] = [.. await db.DistributionReturns.AsNoTracking().ToListAsync()],
            [typeof(SupplierReturn)] = [.. await db.SupplierReturns.AsNoTracking().ToListAsync()],
            [typeof(ReturnStockIn)] = [.. await db.ReturnStockIns.AsNoTracking().ToListAsync()],
            [typeof(RefundOrder)] = [.. await db.RefundOrders.AsNoTracking().ToListAsync()],
            [typeof(DistributionOrder)] = [.. await db.DistributionOrders.AsNoTracking().ToListAsync()],
        };
        var counted = new Dictionary<TabKey, int>();
        foreach (var list in CountedLists.All)
        {
            foreach (var row in rows[list.Entity])
            {
                if (list.KeyOf(n => list.Entity.GetProperty(n)!.GetValue(row)) is { } key && Mine(key.AccountId))
                    counted[key] = counted.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var key in kept.Keys.Union(counted.Keys))
        {
            if (kept.GetValueOrDefault(key) != counted.GetValueOrDefault(key))
                breaks.Add($"tab {key.List} {key.Status} of {key.AccountId} (partner '{key.PartnerId}'): kept "
                    + $"{kept.GetValueOrDefault(key)} but {counted.GetValueOrDefault(key)} rows");
        }
    }

    /// <summary>Every balance is the sum of its ledger, never below 0, and each entry's running balance follows the one before.</summary>
    private static void Balances(Rows r, List<string> breaks)
    {
        foreach (var balance in r.Balances)
        {
            var ledger = r.Ledger.Where(e => e.SupplierAccountId == balance.SupplierAccountId
                && e.DistributorAccountId == balance.DistributorAccountId).ToList();
            if (balance.Balance != ledger.Sum(e => e.Amount))
                breaks.Add($"balance {balance.Id}: {balance.Balance} but its ledger sums to {ledger.Sum(e => e.Amount)}");
            if (balance.Balance < 0) breaks.Add($"balance {balance.Id}: negative ({balance.Balance})");
            if (ledger.Count > 0 && ledger.All(e => e.BalanceAfter != balance.Balance))
                breaks.Add($"balance {balance.Id}: {balance.Balance} is no entry's balance after");
        }
        foreach (var orphan in r.Ledger.Where(e => !r.Balances.Any(b => b.SupplierAccountId == e.SupplierAccountId
                     && b.DistributorAccountId == e.DistributorAccountId)))
            breaks.Add($"ledger entry {orphan.Id}: no balance row for its supplier and distributor");
        // A balance payment is a debit of the ledger and a settlement of the order, both once.
        foreach (var order in r.Orders)
        {
            var debited = -r.Ledger.Where(e => e.Type == BalanceEntryType.OrderPayment && e.Reference == order.Id).Sum(e => e.Amount);
            var settled = r.Settlements.Where(s => s.DistributionOrderId == order.Id && s.Type == SettlementType.Payment
                && s.Method == PaymentMethod.CustomerBalance).Sum(s => s.Amount);
            if (debited != settled) breaks.Add($"order {order.Id}: {settled} settled by balance but {debited} debited from the balance");
        }
    }

    /// <summary>Each stock bucket is the sum of its movements and never negative; ship and stock-in movements are counted once.</summary>
    private static void Stock(Rows r, List<string> breaks)
    {
        foreach (var s in r.Stock)
        {
            var mine = r.Movements.Where(m => m.AccountId == s.AccountId && m.WarehouseId == s.WarehouseId && m.SkuCode == s.SkuCode)
                .ToList();
            var sellable = mine.Where(m => m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity);
            var damaged = mine.Where(m => m.Bucket == StockBucket.Damaged).Sum(m => m.Quantity);
            if (s.OnHand != sellable) breaks.Add($"stock {s.SkuCode}@{s.WarehouseId}: on hand {s.OnHand} but movements sum to {sellable}");
            if (s.Damaged != damaged) breaks.Add($"stock {s.SkuCode}@{s.WarehouseId}: damaged {s.Damaged} but movements sum to {damaged}");
            if (s.OnHand < 0 || s.Damaged < 0) breaks.Add($"stock {s.SkuCode}@{s.WarehouseId}: negative ({s.OnHand}, {s.Damaged})");
        }
        foreach (var m in r.Movements.Where(m => !r.Stock.Any(s => s.AccountId == m.AccountId && s.WarehouseId == m.WarehouseId
                     && s.SkuCode == m.SkuCode)))
            breaks.Add($"movement {m.Id}: no stock row for {m.SkuCode}@{m.WarehouseId}");

        foreach (var order in r.Orders)
        {
            var shipped = r.Movements.Where(m => m.Reason == StockMovementReason.Ship && m.Reference == order.Id).ToList();
            foreach (var sku in order.Lines.Select(l => l.SupplierSkuCode).Concat(shipped.Select(m => m.SkuCode)).Distinct())
            {
                var expected = order.IsShipped ? order.Lines.Where(l => l.SupplierSkuCode == sku).Sum(l => l.Quantity) : 0;
                var moved = -shipped.Where(m => m.SkuCode == sku).Sum(m => m.Quantity);
                if (moved != expected) breaks.Add($"order {order.Id} ({order.Status}): {expected} of {sku} shipped but {moved} left stock");
            }
        }
        foreach (var ret in r.SupplierReturns)
            ReceivedOnce(r, breaks, $"supplier return {ret.Id}", ret.Id,
                ret.Lines.Select(l => (l.SupplierSkuCode, l.ReceivedQuantity - l.DamagedQuantity, l.DamagedQuantity, l.ExpectedQuantity)));
        foreach (var ret in r.OwnReturns)
            ReceivedOnce(r, breaks, $"return & stock-in {ret.Id}", ret.Id,
                ret.Lines.Select(l => (l.SkuCode, l.ReceivedQuantity - l.DamagedQuantity, l.DamagedQuantity, l.ExpectedQuantity)));
    }

    private static void ReceivedOnce(Rows r, List<string> breaks, string what, string id,
        IEnumerable<(string Sku, int Good, int Damaged, int Expected)> lines)
    {
        var all = lines.ToList();
        var moved = r.Movements.Where(m => m.Reason == StockMovementReason.ReturnStockIn && m.Reference == id).ToList();
        foreach (var sku in all.Select(l => l.Sku).Concat(moved.Select(m => m.SkuCode)).Distinct())
        {
            var good = all.Where(l => l.Sku == sku).Sum(l => l.Good);
            var damaged = all.Where(l => l.Sku == sku).Sum(l => l.Damaged);
            var movedGood = moved.Where(m => m.SkuCode == sku && m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity);
            var movedDamaged = moved.Where(m => m.SkuCode == sku && m.Bucket == StockBucket.Damaged).Sum(m => m.Quantity);
            if ((good, damaged) != (movedGood, movedDamaged))
                breaks.Add($"{what}: {sku} received {good} good + {damaged} damaged but stocked in {movedGood} + {movedDamaged}");
        }
        foreach (var line in all.Where(l => l.Good < 0 || l.Damaged < 0 || l.Good + l.Damaged > l.Expected))
            breaks.Add($"{what}: {line.Sku} received {line.Good} good + {line.Damaged} damaged of {line.Expected} expected");
    }

    /// <summary>Settled is the sum of the settlement ledger, within 0 … stock-out amount: settled + unsettled = stock-out amount.
    /// </summary>
    private static void Orders(Rows r, List<string> breaks)
    {
        foreach (var order in r.Orders)
        {
            var settled = r.Settlements.Where(s => s.DistributionOrderId == order.Id).Sum(s => s.Amount);
            if (order.SettledAmount != settled)
                breaks.Add($"order {order.Id}: settled {order.SettledAmount} but its ledger sums to {settled}");
            if (order.SettledAmount < 0 || order.UnsettledAmount < 0)
                breaks.Add($"order {order.Id}: settled {order.SettledAmount}, unsettled {order.UnsettledAmount} of {order.StockOutAmount}");
            if (order.SettledAmount + order.UnsettledAmount != order.StockOutAmount)
                breaks.Add($"order {order.Id}: settled + unsettled ≠ stock-out amount {order.StockOutAmount}");
            var stockOut = order.IsShipped ? order.Lines.Sum(l => l.Value) + order.DistributionFee : 0m;
            if (order.StockOutAmount != stockOut)
                breaks.Add($"order {order.Id}: stock-out amount {order.StockOutAmount}, its lines say {stockOut}");
            if (!order.IsShipped && r.Settlements.Any(s => s.DistributionOrderId == order.Id))
                breaks.Add($"order {order.Id}: settled while {order.Status}");
        }
    }

    /// <summary>domain.md "Refund order": each refund recomputed from its return's lines; its settlement and credit counted once.
    /// </summary>
    private static void Refunds(Rows r, List<string> breaks)
    {
        foreach (var refund in r.RefundOrders)
        {
            var ret = r.SupplierReturns.SingleOrDefault(s => s.Id == refund.SupplierReturnId);
            if (ret is null)
            {
                breaks.Add($"refund {refund.Id}: its supplier return {refund.SupplierReturnId} is missing");
                continue;
            }
            var returnAmount = ret.Lines.Sum(l => l.UnitPriceAtShipment * l.ReceivedQuantity);
            var refundable = Math.Max(0m, returnAmount - refund.UnsettledAmount - refund.ExchangeAmount - refund.ReturnHandlingFee);
            var settles = Math.Min(Math.Max(0m, refund.UnsettledAmount),
                Math.Max(0m, returnAmount - refund.ExchangeAmount - refund.ReturnHandlingFee));
            if (refund.ReturnAmount != returnAmount)
                breaks.Add($"refund {refund.Id}: return amount {refund.ReturnAmount}, lines say {returnAmount}");
            if (refund.RefundableAmount != refundable)
                breaks.Add($"refund {refund.Id}: refundable {refund.RefundableAmount}, the formula says {refundable}");
            if (refund.SettledOnOrder != settles)
                breaks.Add($"refund {refund.Id}: settles {refund.SettledOnOrder}, the formula says {settles}");
            if (refund.RefundableAmount < 0 || refund.ExchangeAmount < 0 || refund.ReturnHandlingFee < 0)
                breaks.Add($"refund {refund.Id}: a negative amount");

            var deductions = r.Settlements.Where(s => s.Reference == refund.Id).ToList();
            var deducted = deductions.Where(s => s.Type == SettlementType.RefundDeduction).Sum(s => s.Amount);
            var reversed = -deductions.Where(s => s.Type == SettlementType.RefundDeductionReversed).Sum(s => s.Amount);
            var expectReversed = refund.Status == RefundStatus.Voided ? refund.SettledOnOrder : 0m;
            if (deducted != refund.SettledOnOrder || reversed != expectReversed)
                breaks.Add($"refund {refund.Id} ({refund.Status}): settled {deducted} and gave back {reversed} on its order; "
                    + $"expected {refund.SettledOnOrder} and {expectReversed}");
            var credited = r.Ledger.Where(e => e.Type == BalanceEntryType.RefundCredit && e.Reference == refund.Id).Sum(e => e.Amount);
            if (credited != refund.BalanceCredit)
                breaks.Add($"refund {refund.Id}: credited {credited} to the balance, expected {refund.BalanceCredit}");
        }
        foreach (var group in r.RefundOrders.Where(x => x.Status != RefundStatus.Voided).GroupBy(x => x.SupplierReturnId)
                     .Where(g => g.Count() > 1))
            breaks.Add($"supplier return {group.Key}: {group.Count()} refund orders not voided");
        foreach (var entry in r.Ledger.Where(e => e.Type == BalanceEntryType.RefundCredit && r.RefundOrders.All(x => x.Id != e.Reference)))
            breaks.Add($"ledger entry {entry.Id}: a refund credit of no refund order");
    }

    /// <summary>Per original order and SKU, the after-sales orders that are not cancelled ask back no more than was shipped.</summary>
    private static void ReturnedNoMoreThanShipped(Rows r, List<string> breaks)
    {
        foreach (var order in r.Orders)
        {
            // A platform's request is recorded as the platform sends it (AfterSalesOrder.Create), so only manual ones are bound.
            var asked = r.AfterSales.Where(a => a.DistributionOrderId == order.Id && a.Status != AfterSalesStatus.Cancelled).ToList();
            if (asked.Any(a => a.Source != Platform.Manual)) continue;
            foreach (var sku in asked.SelectMany(a => a.Lines).GroupBy(l => l.MerchantSkuCode))
            {
                var shipped = order.ShippedQuantityOf(sku.Key);
                if (sku.Sum(l => l.Quantity) > shipped)
                    breaks.Add($"order {order.Id}: {sku.Sum(l => l.Quantity)} of {sku.Key} asked back, {shipped} shipped");
            }
        }
        foreach (var ret in r.SupplierReturns)
        {
            var order = r.Orders.SingleOrDefault(o => o.Id == ret.DistributionOrderId);
            foreach (var line in ret.Lines.GroupBy(l => l.SupplierSkuCode))
            {
                var shipped = order?.Lines.Where(l => l.SupplierSkuCode == line.Key).Sum(l => l.Quantity) ?? 0;
                if (line.Sum(l => l.ReceivedQuantity) > shipped)
                    breaks.Add($"supplier return {ret.Id}: {line.Sum(l => l.ReceivedQuantity)} of {line.Key} received, {shipped} shipped");
            }
        }
    }

    /// <summary>
    /// Every status is one its machine reaches, and agrees with the rows beside it: the after-sales order, its return &amp;
    /// stock-in – distribution, the supplier return the push made (exactly one) and its refund order.
    /// </summary>
    private static void Statuses(Rows r, List<string> breaks)
    {
        foreach (var a in r.AfterSales.Where(a => a.DistributionOrderId is not null))
        {
            var dr = r.DistributionReturns.Where(d => d.AfterSalesOrderId == a.Id).ToList();
            var sr = r.SupplierReturns.Where(s => s.AfterSalesOrderId == a.Id).ToList();
            var where = $"after-sales {a.Id} ({a.Type}, {a.Status})";
            if (dr.Count > 1) breaks.Add($"{where}: {dr.Count} returns & stock-in – distribution");
            if (sr.Count > 1) breaks.Add($"{where}: {sr.Count} supplier returns (pushed more than once)");
            var d = dr.FirstOrDefault();
            var s = sr.FirstOrDefault();
            var refund = s?.ActiveRefundOrderId is { } rid ? r.RefundOrders.SingleOrDefault(x => x.Id == rid) : null;
            if (d is not null && a.DistributionReturnId != d.Id) breaks.Add($"{where}: points at {a.DistributionReturnId}, not {d.Id}");
            if ((s is not null) != (d?.SupplierReturnId is not null) || (s is not null && d!.SupplierReturnId != s.Id))
                breaks.Add($"{where}: return {d?.Id} points at supplier return {d?.SupplierReturnId}, found {s?.Id}");
            if (d is not null && d.Status is DistributionReturnStatus.ToPush or DistributionReturnStatus.PushFailed && s is not null)
                breaks.Add($"{where}: return {d.Id} is {d.Status} but supplier return {s.Id} exists");

            if (a.Type == AfterSalesType.RefundOnly)
            {
                if (d is not null) breaks.Add($"{where}: a refund-only order has a return {d.Id}");
                if (a.Status is AfterSalesStatus.ConfirmReturn or AfterSalesStatus.ReceivedReturn) breaks.Add($"{where}: unreachable");
                continue;
            }
            if (a.Type == AfterSalesType.AbnormalReturn && a.Status == AfterSalesStatus.ToConfirm) breaks.Add($"{where}: unreachable");
            var expected = a.Status switch
            {
                AfterSalesStatus.ToConfirm => d is null,
                AfterSalesStatus.ConfirmReturn => d is { Status: DistributionReturnStatus.ToPush or DistributionReturnStatus.PushFailed }
                    || (d is { Status: DistributionReturnStatus.Pushed } && s is { Status: SupplierReturnStatus.PendingStockIn }),
                AfterSalesStatus.ReceivedReturn => d is { Status: DistributionReturnStatus.Pushed }
                    && s is { Status: SupplierReturnStatus.ReceivedReturn, ActiveRefundOrderId: null },
                AfterSalesStatus.RefundProcessing => d is { Status: DistributionReturnStatus.Pushed }
                    && s is { Status: SupplierReturnStatus.RefundProcessing }
                    && refund is { Method: RefundMethod.BankTransfer }
                    && refund.Status is RefundStatus.AwaitingConfirmation or RefundStatus.NotReceived,
                AfterSalesStatus.Completed => d is { Status: DistributionReturnStatus.Pushed }
                    && s is { Status: SupplierReturnStatus.Completed } && refund is { Status: RefundStatus.Completed },
                AfterSalesStatus.Cancelled => d is null or { Status: DistributionReturnStatus.Cancelled }
                    || (d is { Status: DistributionReturnStatus.Recalled } && s is { Status: SupplierReturnStatus.Recalled })
                    || (d is { Status: DistributionReturnStatus.RecallFailed } && s is { NeedsAttention: true }
                        && s.Status is not SupplierReturnStatus.PendingStockIn and not SupplierReturnStatus.Recalled),
                _ => false,
            };
            if (!expected)
                breaks.Add($"{where}: return {d?.Id} is {d?.Status}, supplier return {s?.Id} is {s?.Status}, "
                    + $"refund {refund?.Id} is {refund?.Status}");
        }
        foreach (var s in r.SupplierReturns)
        {
            var active = s.ActiveRefundOrderId is { } id ? r.RefundOrders.SingleOrDefault(x => x.Id == id) : null;
            var ok = s.Status switch
            {
                SupplierReturnStatus.PendingStockIn or SupplierReturnStatus.Recalled =>
                    s.ActiveRefundOrderId is null && s.ReceivedAt is null,
                SupplierReturnStatus.ReceivedReturn => s.ActiveRefundOrderId is null && s.ReceivedAt is not null,
                SupplierReturnStatus.RefundProcessing =>
                    active is { Status: RefundStatus.AwaitingConfirmation or RefundStatus.NotReceived },
                SupplierReturnStatus.Completed => active is { Status: RefundStatus.Completed },
                _ => false,
            };
            if (!ok) breaks.Add($"supplier return {s.Id} ({s.Status}): active refund {s.ActiveRefundOrderId} is {active?.Status}");
            foreach (var other in r.RefundOrders.Where(x => x.SupplierReturnId == s.Id && x.Id != s.ActiveRefundOrderId
                         && x.Status != RefundStatus.Voided))
                breaks.Add($"supplier return {s.Id}: refund {other.Id} is {other.Status} but not the active one");
        }
    }

    /// <summary>The rows the checks read, loaded once (test databases are small).</summary>
    private sealed record Rows(
        List<CustomerBalance> Balances, List<BalanceLedgerEntry> Ledger, List<StockLevel> Stock, List<StockMovement> Movements,
        List<DistributionOrder> Orders, List<OrderSettlement> Settlements, List<AfterSalesOrder> AfterSales,
        List<DistributionReturn> DistributionReturns, List<SupplierReturn> SupplierReturns, List<RefundOrder> RefundOrders,
        List<ReturnStockIn> OwnReturns)
    {
        public static async Task<Rows> LoadAsync(AppDbContext db, IReadOnlyCollection<string>? ids)
        {
            bool all = ids is null;
            var a = ids ?? [];
            return new Rows(
                await db.CustomerBalances.AsNoTracking().Where(x => all || a.Contains(x.SupplierAccountId)).ToListAsync(),
                await db.BalanceLedger.AsNoTracking().Where(x => all || a.Contains(x.SupplierAccountId)).ToListAsync(),
                await db.StockLevels.AsNoTracking().Where(x => all || a.Contains(x.AccountId)).ToListAsync(),
                await db.StockMovements.AsNoTracking().Where(x => all || a.Contains(x.AccountId)).ToListAsync(),
                await db.DistributionOrders.AsNoTracking().Where(x => all || a.Contains(x.SupplierAccountId)).ToListAsync(),
                await db.OrderSettlements.AsNoTracking().Where(x => all || a.Contains(x.SupplierAccountId)).ToListAsync(),
                await db.AfterSalesOrders.AsNoTracking().Where(x => all || a.Contains(x.DistributorAccountId)).ToListAsync(),
                await db.DistributionReturns.AsNoTracking().Where(x => all || a.Contains(x.DistributorAccountId)).ToListAsync(),
                await db.SupplierReturns.AsNoTracking().Where(x => all || a.Contains(x.SupplierAccountId)).ToListAsync(),
                await db.RefundOrders.AsNoTracking().Where(x => all || a.Contains(x.SupplierAccountId)).ToListAsync(),
                await db.ReturnStockIns.AsNoTracking().Where(x => all || a.Contains(x.AccountId)).ToListAsync());
        }
    }
}

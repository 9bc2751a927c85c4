using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.Warehouses;
using ReturnLoop.Marketplaces;

namespace ReturnLoop.Features.Shops;

/// <summary>What ingesting one platform return did.</summary>
public enum IngestOutcome
{
    /// <summary>A new after-sales order.</summary>
    Created,

    /// <summary>An existing after-sales order moved (approved, cancelled) or its platform status changed.</summary>
    Updated,

    /// <summary>Nothing new: the same state again (a repeated push or page).</summary>
    Unchanged,

    /// <summary>Older than what is already applied: nothing moves backwards.</summary>
    Stale,

    /// <summary>Not an after-sales order (e.g. Lazada's order cancellations): stored nowhere.</summary>
    Skipped,
}

public sealed record IngestResult(IngestOutcome Outcome, string? AfterSalesOrderId);

/// <summary>
/// Brings one platform return into ReturnLoop as an after-sales order of the shop's account, or moves the one it already
/// is (marketplaces.md, "Decisions for ReturnLoop"): the platform's acceptance approves (which opens the return and, with
/// auto-push, pushes it), its cancellation cancels (which recalls a pushed return). One transaction per return; running it
/// twice with the same input changes nothing, and an older state than the one applied never moves an order backwards.
/// </summary>
public sealed class IngestPlatformReturn(AppDbContext db, TimeProvider clock, ApproveAfterSalesOrder approve,
    CancelAfterSalesOrder cancel)
{
    private const int ReasonLength = 500;

    public Task<IngestResult> HandleAsync(Shop shop, PlatformReturn platformReturn, CancellationToken ct)
    {
        var r = platformReturn;
        if (r.Platform != shop.Platform || r.ShopId != shop.PlatformShopId)
            throw new ArgumentException($"The return {r.ReturnId} belongs to {r.Platform} shop {r.ShopId}, not to this shop.");

        return db.RetryOnConflictAsync(async () =>
        {
            // Whoever brought it in (a sync, a push, a click on Sync), the change is the platform's.
            using var actor = Audit.AuditActor.Use(
                Audit.AuditActor.Platform(shop.Platform.ToString(), shop.PlatformShopId, shop.AccountId));
            var now = clock.GetUtcNow();
            var afterSales = await db.AfterSalesOrders.SingleOrDefaultAsync(a => a.DistributorAccountId == shop.AccountId
                && a.Source == r.Platform && a.ShopId == r.ShopId && a.PlatformReturnId == r.ReturnId, ct);
            IngestOutcome outcome;
            if (afterSales is null)
            {
                afterSales = await CreateAsync(shop, r, now, ct);
                outcome = IngestOutcome.Created;
            }
            else
            {
                var before = (afterSales.Status, afterSales.PlatformStatus, afterSales.PlatformUpdatedAt);
                if (!afterSales.ObservePlatform(r.Status, r.UpdatedAt, r.AttentionReason, now))
                    return new IngestResult(IngestOutcome.Stale, afterSales.Id);
                if (before.PlatformStatus != r.Status)
                    db.Record(afterSales.Id, Side.Platform, null, "PlatformStatus", $"{r.Platform} status {r.Status}.", now);
                await FollowAsync(afterSales, r, now, ct);
                outcome = before == (afterSales.Status, afterSales.PlatformStatus, afterSales.PlatformUpdatedAt)
                    ? IngestOutcome.Unchanged : IngestOutcome.Updated;
            }
            await db.SaveChangesAsync(ct);
            return new IngestResult(outcome, afterSales.Id);
        });
    }

    private async Task<AfterSalesOrder> CreateAsync(Shop shop, PlatformReturn r, DateTimeOffset now, CancellationToken ct)
    {
        // A type outside the table is kept as the common case and flagged (PlatformReturn.AttentionReason): nothing moves by itself.
        var type = r.Type ?? AfterSalesType.ReturnAndRefund;
        var reason = Reason(r);
        var lines = r.Lines.GroupBy(l => l.SellerSku.Trim())
            .Select(g => new AfterSalesLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        var order = await db.DistributionOrders.SingleOrDefaultAsync(o => o.DistributorAccountId == shop.AccountId
            && o.Platform == r.Platform && o.ShopId == r.ShopId && o.MarketplaceOrderNo == r.OrderNo, ct);

        AfterSalesOrder afterSales;
        if (order is { IsShipped: true } && lines.Count > 0)
        {
            afterSales = AfterSalesOrder.Create(order, r.Platform, type, reason, lines, now, r.ShopId, r.ReturnId);
            order.NoteAfterSales(now); // two after-sales orders created at once conflict on the order's version
        }
        else if (order is null && lines.Count > 0 && await StoreOrderOfAsync(shop, r, now, ct) is { } storeOrder)
        {
            // The seller's own stock: a regular after-sales order, in the same list (domain.md, Regular after-sales).
            afterSales = AfterSalesOrder.Create(storeOrder, r.Platform, type, reason, lines, now, r.ShopId, r.ReturnId);
            storeOrder.NoteAfterSales(now);
        }
        else
        {
            afterSales = AfterSalesOrder.CreateUnlinked(shop.AccountId, r.Platform, type, reason, r.OrderNo, lines, now, r.ShopId,
                r.ReturnId);
        }
        afterSales.ObservePlatform(r.Status, r.UpdatedAt, r.AttentionReason, now);
        db.AfterSalesOrders.Add(afterSales);
        db.Record(afterSales.Id, Side.Platform, null, "Created",
            $"{r.Platform} return {r.ReturnId} received on order {r.OrderNo} ({r.Status}).", now);
        if (afterSales.NeedsAttention)
            db.Record(afterSales.Id, Side.System, null, "NeedsAttention", afterSales.AttentionReason!, now);
        await FollowAsync(afterSales, r, now, ct);
        return afterSales;
    }

    /// <summary>
    /// The seller's own store order of this return: the one recorded with this platform, shop and order number, or — when
    /// every line is one of the seller's own SKUs — recorded now from the return (the sync "matches" it): shipped from the
    /// seller's first open own warehouse (a 3PL one if it has no other), at the refunded price per unit where the currency is
    /// the account's. None when a line is not the seller's own SKU or the seller has no warehouse: the return is then kept
    /// unlinked and flagged.
    /// </summary>
    private async Task<StoreOrder?> StoreOrderOfAsync(Shop shop, PlatformReturn r, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.StoreOrders.FindByMarketplaceOrderAsync(shop.AccountId, r.Platform, r.ShopId, r.OrderNo, ct) is { } known)
            return known;
        var skus = r.Lines.Select(l => l.SellerSku.Trim()).Distinct().ToList();
        var own = await db.SupplierSkus.CountAsync(s => s.AccountId == shop.AccountId && skus.Contains(s.Code), ct);
        if (own != skus.Count) return null;
        var warehouse = await db.Warehouses.AsNoTracking()
            .Where(w => w.AccountId == shop.AccountId && w.ClosedAt == null)
            .OrderBy(w => w.Kind == WarehouseKind.Own ? 0 : 1).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .FirstOrDefaultAsync(ct);
        if (warehouse is null) return null;
        var currency = await db.Accounts.Where(a => a.Id == shop.AccountId).Select(a => a.Currency).SingleAsync(ct);
        var digits = Money.MinorDigits(currency);
        var lines = r.Lines.GroupBy(l => l.SellerSku.Trim()).Select(g =>
        {
            var quantity = g.Sum(l => l.Quantity);
            var price = r.Currency == currency && quantity > 0 ? Math.Round(g.Sum(l => l.RefundAmount) / quantity, digits) : 0m;
            return new StoreOrderLine(g.Key, quantity, Math.Max(0m, price));
        });
        var order = StoreOrder.Record(shop.AccountId, r.Platform, r.ShopId, r.OrderNo, warehouse.Id, lines,
            r.CreatedAt < now ? r.CreatedAt : now, now);
        db.StoreOrders.Add(order);
        return order;
    }

    /// <summary>Moves the order forward as the platform's stage says; a stage it is already past (or cannot take) moves nothing.</summary>
    private async Task FollowAsync(AfterSalesOrder afterSales, PlatformReturn r, DateTimeOffset now, CancellationToken ct)
    {
        // An unknown type waits for the seller: the platform's later steps are recorded, not followed.
        if (r.Type is null) return;
        switch (r.Stage)
        {
            case PlatformStage.Approved when afterSales.CanApprove:
                await approve.ApplyAsync(afterSales, Side.Platform, null, now, ct);
                break;
            case PlatformStage.Refunded:
                if (afterSales.CanApprove) await approve.ApplyAsync(afterSales, Side.Platform, null, now, ct);
                if (afterSales.CanCompleteRefundOnly)
                {
                    afterSales.CompleteRefundOnly(now);
                    db.Record(afterSales.Id, Side.Platform, null, "Completed", $"Refunded to the buyer on {r.Platform}.", now);
                }
                break;
            case PlatformStage.Cancelled when afterSales.CanCancel:
                await cancel.ApplyAsync(afterSales, Side.Platform, null, now, ct);
                break;
        }
    }

    private static string? Reason(PlatformReturn r)
    {
        var text = r.ReasonText is { Length: > 0 } t && t != r.Reason ? $"{r.Reason} – {t}" : r.Reason;
        return text is { Length: > ReasonLength } ? text[..ReasonLength] : text;
    }
}

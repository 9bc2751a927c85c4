using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Timeline;
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

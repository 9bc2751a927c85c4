using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// A manual after-sales order, asking back no more than is <see cref="Returnable"/>: on a shipped distribution order, or on
/// one of the seller's own store orders (a regular after-sales order). An abnormal return starts in ConfirmReturn and opens
/// its return &amp; stock-in (distribution, or the seller's own) at once.
/// </summary>
public sealed class CreateAfterSalesOrder(AppDbContext db, TimeProvider clock, OpenDistributionReturn openReturn)
{
    public sealed record Line([property: Required] string? MerchantSkuCode,
        [property: Required] int? Quantity);

    /// <summary>Exactly one of <paramref name="DistributionOrderId"/> and <paramref name="StoreOrderId"/>.</summary>
    public sealed record Request(
        string? DistributionOrderId,
        [property: Required] AfterSalesType? Type,
        string? Reason,
        IReadOnlyList<Line>? Lines,
        string? StoreOrderId = null);

    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        var hasDistribution = !string.IsNullOrWhiteSpace(request.DistributionOrderId);
        var hasStore = !string.IsNullOrWhiteSpace(request.StoreOrderId);
        var check = new Check()
            .That(hasDistribution || hasStore, "distributionOrderId", "Required: a distribution order or a store order.")
            .That(!(hasDistribution && hasStore), "storeOrderId", "Give a distribution order or a store order, not both.")
            .Optional(request.DistributionOrderId, "distributionOrderId", Ids.Length)
            .Optional(request.StoreOrderId, "storeOrderId", Ids.Length)
            .Required(request.Type, "type")
            .Optional(request.Reason, "reason", 500)
            .That(request.Lines is { Count: > 0 } || request.Type == AfterSalesType.AbnormalReturn, "lines", "At least one line.");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            check.Required(lines[i].MerchantSkuCode, $"lines[{i}].merchantSkuCode", 64)
                .Positive(lines[i].Quantity, $"lines[{i}].quantity");
        }
        check.ThrowIfInvalid();

        return db.RetryOnConflictAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var afterSales = hasStore
                ? await CreateRegularAsync(distributorAccountId, request, lines, now, ct)
                : await CreateDistributionAsync(distributorAccountId, request, lines, now, ct);
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
    }

    private async Task<AfterSalesOrder> CreateDistributionAsync(string distributorAccountId, Request request, IReadOnlyList<Line> lines,
        DateTimeOffset now, CancellationToken ct)
    {
        var order = await db.DistributionOrders.FindForDistributorAsync(distributorAccountId, request.DistributionOrderId!, ct);

        var lineCheck = new Check();
        for (var i = 0; i < lines.Count; i++)
        {
            lineCheck.That(!order.IsShipped || order.ShippedQuantityOf(lines[i].MerchantSkuCode!.Trim()) > 0,
                $"lines[{i}].merchantSkuCode", "Not on the original order.");
        }
        lineCheck.ThrowIfInvalid();

        // An abnormal return without lines is the whole parcel coming back.
        var asked = lines.Count > 0
            ? lines.Select(l => new AfterSalesLine(l.MerchantSkuCode!.Trim(), l.Quantity!.Value))
            : order.Lines.GroupBy(l => l.MerchantSkuCode).Select(g => new AfterSalesLine(g.Key, g.First().MerchantQuantity));

        var earlier = await db.AfterSalesOrders.EarlierLinesAsync(order.Id, ct);
        var afterSales = AfterSalesOrder.CreateManual(order, earlier, request.Type!.Value, request.Reason?.Trim(), Merge(asked), now);
        order.NoteAfterSales(now);
        db.AfterSalesOrders.Add(afterSales);
        db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Created", $"Manual {request.Type} after-sales order created.",
            now);
        if (afterSales.Type == AfterSalesType.AbnormalReturn)
            await openReturn.HandleAsync(afterSales, order, now, ct);
        return afterSales;
    }

    private async Task<AfterSalesOrder> CreateRegularAsync(string accountId, Request request, IReadOnlyList<Line> lines,
        DateTimeOffset now, CancellationToken ct)
    {
        var order = await db.StoreOrders.FindForAccountAsync(accountId, request.StoreOrderId!.Trim(), ct);

        var lineCheck = new Check();
        for (var i = 0; i < lines.Count; i++)
        {
            lineCheck.That(order.ShippedQuantityOf(lines[i].MerchantSkuCode!.Trim()) > 0, $"lines[{i}].merchantSkuCode",
                "Not on the original order.");
        }
        lineCheck.ThrowIfInvalid();

        // An abnormal return without lines is the whole parcel coming back.
        var asked = lines.Count > 0
            ? lines.Select(l => new AfterSalesLine(l.MerchantSkuCode!.Trim(), l.Quantity!.Value))
            : order.Lines.Select(l => new AfterSalesLine(l.SkuCode, l.Quantity));

        var earlier = await db.AfterSalesOrders.EarlierStoreOrderLinesAsync(order.Id, ct);
        var afterSales = AfterSalesOrder.CreateManual(order, earlier, request.Type!.Value, request.Reason?.Trim(), Merge(asked), now);
        order.NoteAfterSales(now);
        db.AfterSalesOrders.Add(afterSales);
        db.Record(afterSales.Id, Side.Distributor, accountId, "Created", $"Manual regular {request.Type} after-sales order created.",
            now);
        if (afterSales.Type == AfterSalesType.AbnormalReturn) db.OpenReturnStockIn(afterSales, now);
        return afterSales;
    }

    private static List<AfterSalesLine> Merge(IEnumerable<AfterSalesLine> lines) =>
        lines.GroupBy(l => l.MerchantSkuCode).Select(g => new AfterSalesLine(g.Key, g.Sum(l => l.Quantity))).ToList();
}

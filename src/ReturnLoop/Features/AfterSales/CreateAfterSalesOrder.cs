using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// A manual after-sales order on a shipped distribution order. Quantities may not exceed what was shipped less
/// every earlier after-sales order on that order that is not cancelled, whatever its type or status.
/// An abnormal return starts in ConfirmReturn and opens its return &amp; stock-in – distribution at once.
/// </summary>
public sealed class CreateAfterSalesOrder(AppDbContext db, TimeProvider clock, OpenDistributionReturn openReturn)
{
    public sealed record Line(string? MerchantSkuCode, int? Quantity);

    public sealed record Request(string? DistributionOrderId, AfterSalesType? Type, string? Reason, IReadOnlyList<Line>? Lines);

    public const string QuantityExceedsShipped = "after_sales.quantity_exceeds_shipped";

    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        var check = new Check()
            .Required(request.DistributionOrderId, "distributionOrderId", Ids.Length)
            .Required(request.Type, "type")
            .Optional(request.Reason, "reason", 500)
            .That(request.Lines is { Count: > 0 } || request.Type == AfterSalesType.AbnormalReturn, "lines", "At least one line.");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
            check.Required(lines[i].MerchantSkuCode, $"lines[{i}].merchantSkuCode", 64).Positive(lines[i].Quantity, $"lines[{i}].quantity");
        check.ThrowIfInvalid();

        return db.RetryOnConflictAsync(async () =>
        {
            var order = await db.DistributionOrders.SingleOrDefaultAsync(o => o.Id == request.DistributionOrderId && o.DistributorAccountId == distributorAccountId, ct)
                ?? throw DomainError.NotFound("distribution order");
            if (!order.IsShipped) throw DomainError.StateNotAllowed("create an after-sales order for", order.Status);

            // An abnormal return without lines is the whole parcel coming back.
            var requested = lines.Count > 0
                ? lines.GroupBy(l => l.MerchantSkuCode!.Trim()).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity!.Value))
                : order.Lines.GroupBy(l => l.MerchantSkuCode).ToDictionary(g => g.Key, g => g.First().MerchantQuantity);

            var lineCheck = new Check();
            for (var i = 0; i < lines.Count; i++)
                lineCheck.That(order.ShippedQuantityOf(lines[i].MerchantSkuCode!.Trim()) > 0, $"lines[{i}].merchantSkuCode", "Not on the original order.");
            lineCheck.ThrowIfInvalid();

            var earlier = await db.AfterSalesOrders.AsNoTracking()
                .Where(a => a.DistributionOrderId == order.Id && a.Status != AfterSalesStatus.Cancelled)
                .Select(a => a.Lines).ToListAsync(ct);
            foreach (var (code, quantity) in requested)
            {
                var left = order.ShippedQuantityOf(code) - earlier.SelectMany(l => l).Where(l => l.MerchantSkuCode == code).Sum(l => l.Quantity);
                if (quantity > left)
                    throw DomainError.Rule(QuantityExceedsShipped, $"{code}: {quantity} requested but only {Math.Max(left, 0)} shipped and not yet in an after-sales order.");
            }

            var now = clock.GetUtcNow();
            var afterSales = AfterSalesOrder.Create(order, Platform.Manual, request.Type!.Value, request.Reason?.Trim(),
                requested.Select(r => new AfterSalesLine(r.Key, r.Value)), now);
            order.NoteAfterSales(now);
            db.AfterSalesOrders.Add(afterSales);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Created", $"Manual {request.Type} after-sales order created.", now);
            if (afterSales.Type == AfterSalesType.AbnormalReturn)
                await openReturn.HandleAsync(afterSales, order, now, ct);
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
    }
}

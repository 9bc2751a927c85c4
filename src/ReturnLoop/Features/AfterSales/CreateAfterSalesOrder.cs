using System.ComponentModel.DataAnnotations;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.AfterSales;

/// <summary>
/// A manual after-sales order on a shipped distribution order, asking back no more than is <see cref="Returnable"/>.
/// An abnormal return starts in ConfirmReturn and opens its return &amp; stock-in – distribution at once.
/// </summary>
public sealed class CreateAfterSalesOrder(AppDbContext db, TimeProvider clock, OpenDistributionReturn openReturn)
{
    public sealed record Line([property: Required] string? MerchantSkuCode, [property: Required] int? Quantity);

    public sealed record Request(
        [property: Required] string? DistributionOrderId,
        [property: Required] AfterSalesType? Type,
        string? Reason,
        IReadOnlyList<Line>? Lines);

    public Task<AfterSalesOrder> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        var check = new Check()
            .Required(request.DistributionOrderId, "distributionOrderId", Ids.Length)
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
            var merged = asked.GroupBy(l => l.MerchantSkuCode).Select(g => new AfterSalesLine(g.Key, g.Sum(l => l.Quantity))).ToList();

            var earlier = await db.AfterSalesOrders.EarlierLinesAsync(order.Id, ct);
            var now = clock.GetUtcNow();
            var afterSales = AfterSalesOrder.CreateManual(order, earlier, request.Type!.Value, request.Reason?.Trim(), merged, now);
            order.NoteAfterSales(now);
            db.AfterSalesOrders.Add(afterSales);
            db.Record(afterSales.Id, Side.Distributor, distributorAccountId, "Created", $"Manual {request.Type} after-sales order created.",
                now);
            if (afterSales.Type == AfterSalesType.AbnormalReturn)
                await openReturn.HandleAsync(afterSales, order, now, ct);
            await db.SaveChangesAsync(ct);
            return afterSales;
        });
    }
}

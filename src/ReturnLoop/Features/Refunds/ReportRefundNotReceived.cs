using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

/// <summary>The distributor reports the bank transfer has not arrived; it goes back to the supplier with a note.</summary>
public sealed class ReportRefundNotReceived(AppDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Note);

    public Task<RefundOrder> HandleAsync(string distributorAccountId, string id, Request request, CancellationToken ct)
    {
        new Check().Optional(request.Note, "note", 1000).ThrowIfInvalid();
        return db.RetryOnConflictAsync(async () =>
        {
            var refund = await db.RefundOrders.FindForDistributorAsync(distributorAccountId, id, ct);
            var now = clock.GetUtcNow();
            var note = request.Note?.Trim();
            refund.ReportNotReceived(note);
            db.Record(refund.AfterSalesOrderId, Side.Distributor, distributorAccountId, "RefundNotReceived",
                string.IsNullOrWhiteSpace(note) ? "The distributor reported the transfer as not received." : $"Not received: {note}", now);
            await db.SaveChangesAsync(ct);
            return refund;
        });
    }
}

using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.SupplierReturns;

/// <summary>The supplier has dealt with a return the distributor cancelled after stock-in: the flag is cleared.</summary>
public sealed class AcknowledgeSupplierReturn(AppDbContext db, TimeProvider clock)
{
    public Task<SupplierReturn> HandleAsync(string supplierAccountId, string id, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var ret = await db.SupplierReturns.FindForSupplierAsync(supplierAccountId, id, ct);
            if (!ret.NeedsAttention) return ret;
            ret.ClearAttention();
            db.Record(ret.AfterSalesOrderId, Side.Supplier, supplierAccountId, "Acknowledged",
                "The supplier dealt with the return cancelled after stock-in.", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return ret;
        });
}

using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.Refunds;

/// <summary>
/// The supplier uploads the bank-transfer proof: PNG, JPEG or PDF, told by content rather than name, at most
/// 10 MB, streamed into the database (<see cref="PaymentProofFormat.ReadAsync"/>). A new proof replaces the old one
/// and puts a "not received" refund back to awaiting confirmation.
/// </summary>
public sealed class UploadPaymentProof(AppDbContext db, TimeProvider clock)
{
    /// <param name="content">The file, read once and only after the refund is found and may take a proof.</param>
    /// <param name="sizeHint">The expected size when known, so the one buffer need not grow.</param>
    public async Task<RefundOrder> HandleAsync(string supplierAccountId, string id, string? fileName, Stream content, long? sizeHint,
        CancellationToken ct)
    {
        var refund = await db.RefundOrders.FindForSupplierAsync(supplierAccountId, id, ct);
        if (!refund.CanUploadProof) throw DomainError.StateNotAllowed("upload a payment proof for", refund.Status);
        var (bytes, contentType) = await PaymentProofFormat.ReadAsync(content, sizeHint, ct);

        var now = clock.GetUtcNow();
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255) name = "payment-proof";
        var proof = await db.PaymentProofs.SingleOrDefaultAsync(p => p.RefundOrderId == refund.Id, ct);
        if (proof is null) db.PaymentProofs.Add(new PaymentProof(refund.Id, name, contentType, bytes, now));
        else proof.Replace(name, contentType, bytes, now);
        refund.AttachPaymentProof(now);
        db.Record(refund.AfterSalesOrderId, Side.Supplier, supplierAccountId, "PaymentProofUploaded",
            $"Payment proof uploaded ({contentType}).", now);
        await db.SaveChangesAsync(ct);
        return refund;
    }
}

using System.Security.Cryptography;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Infrastructure.Storage;

namespace ReturnLoop.Features.Refunds;

/// <summary>
/// The supplier uploads the bank-transfer proof: PNG, JPEG or PDF, told by content rather than name, at most 10 MB
/// (<see cref="PaymentProofFormat.ReadAsync"/>, before anything is written). The file goes to the file store under a
/// random key, the row keeps its metadata. A new proof replaces the old one (whose file is then deleted) and puts a
/// "not received" refund back to awaiting confirmation.
/// <para>
/// The file is written before the row is saved; a save that fails deletes the file again. A process killed between the
/// two leaves a file no row refers to, which <see cref="OrphanFileSweeper"/> deletes later.
/// </para>
/// </summary>
public sealed class UploadPaymentProof(AppDbContext db, IFileStore store, TimeProvider clock)
{
    /// <param name="content">The file, read once and only after the refund is found and may take a proof.</param>
    /// <param name="sizeHint">The expected size when known, so the one buffer need not grow.</param>
    /// <param name="uploadedBy">The user uploading it.</param>
    public async Task<RefundOrder> HandleAsync(string supplierAccountId, string id, string? fileName, Stream content, long? sizeHint,
        string? uploadedBy, CancellationToken ct)
    {
        var found = await db.RefundOrders.AsNoTracking().FindForSupplierAsync(supplierAccountId, id, ct);
        if (!found.CanUploadProof) throw DomainError.StateNotAllowed("upload a payment proof for", found.Status);
        var (bytes, contentType) = await PaymentProofFormat.ReadAsync(content, sizeHint, ct);

        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255) name = "payment-proof";
        var key = await store.SaveAsync(new MemoryStream(bytes, writable: false), ct);
        var file = new StoredProof(name, contentType, bytes.Length, key, Convert.ToHexStringLower(SHA256.HashData(bytes)), uploadedBy);
        string? replaced = null;
        RefundOrder attached;
        try
        {
            attached = await db.RetryOnConflictAsync(async () =>
            {
                var now = clock.GetUtcNow();
                var refund = await db.RefundOrders.FindForSupplierAsync(supplierAccountId, id, ct);
                if (!refund.CanUploadProof) throw DomainError.StateNotAllowed("upload a payment proof for", refund.Status);
                var proof = await db.PaymentProofs.SingleOrDefaultAsync(p => p.RefundOrderId == refund.Id, ct);
                replaced = proof?.StorageKey;
                if (proof is null) db.PaymentProofs.Add(new PaymentProof(refund.Id, file, now));
                else proof.Replace(file, now);
                refund.AttachPaymentProof(now);
                db.Record(refund.AfterSalesOrderId, Side.Supplier, supplierAccountId, "PaymentProofUploaded",
                    $"Payment proof uploaded ({contentType}).", now);
                await db.SaveChangesAsync(ct);
                return refund;
            });
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);   // no row refers to it
            throw;
        }
        // Only once committed (not inside a caller's transaction that may still roll back): a failure here leaves an
        // orphan for the sweep, never a row without its file.
        if (replaced is not null && db.Database.CurrentTransaction is null) await store.DeleteAsync(replaced, CancellationToken.None);
        return attached;
    }
}

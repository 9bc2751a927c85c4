namespace ReturnLoop.Features.Refunds;

public sealed class RefundOrderConfiguration : IEntityTypeConfiguration<RefundOrder>, IEntityTypeConfiguration<PaymentProof>
{
    public void Configure(EntityTypeBuilder<RefundOrder> b)
    {
        b.HasVersion();
        b.OwnsOne(x => x.BankAccount, a => a.ToJson());
        b.HasIndex(x => new { x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Id });
        // The supplier's tab counts under the method or distributor filter, from the index alone.
        b.HasIndex(x => new { x.SupplierAccountId, x.Method, x.Status, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Status, x.Id });
        // One active refund order per return; voided ones stay as history.
        b.HasIndex(x => x.SupplierReturnId, "IX_RefundOrders_OneActive").IsUnique().HasFilter("\"Status\" <> 'Voided'");
        b.Property(x => x.Currency).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<PaymentProof> b)
    {
        b.HasKey(x => x.RefundOrderId);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.FileName).HasMaxLength(255);
    }
}

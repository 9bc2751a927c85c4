using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.SupplierReturns;

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
        b.HasOne<SupplierReturn>().WithMany().HasForeignKey(x => x.SupplierReturnId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AfterSalesOrder>().WithMany().HasForeignKey(x => x.AfterSalesOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DistributionOrder>().WithMany().HasForeignKey(x => x.DistributionOrderId).OnDelete(DeleteBehavior.Restrict);
        // The formulas' parts and results are never negative (refundable is floored at 0).
        b.ToTable(t => t.HasCheckConstraint("CK_RefundOrders_NotNegative",
            "\"ReturnAmount\" >= 0 AND \"ReturnHandlingFee\" >= 0 AND \"UnsettledAmount\" >= 0 AND \"ExchangeAmount\" >= 0"
            + " AND \"RefundableAmount\" >= 0 AND \"SettledOnOrder\" >= 0"));
    }

    public void Configure(EntityTypeBuilder<PaymentProof> b)
    {
        b.HasKey(x => x.RefundOrderId);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StorageKey).HasMaxLength(64);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(64);
        // The sweep of orphaned files looks keys up.
        b.HasIndex(x => x.StorageKey).IsUnique();
        b.HasOne<RefundOrder>().WithMany().HasForeignKey(x => x.RefundOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

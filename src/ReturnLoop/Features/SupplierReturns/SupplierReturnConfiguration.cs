using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.SupplierReturns;

public sealed class SupplierReturnConfiguration : IEntityTypeConfiguration<SupplierReturn>
{
    public void Configure(EntityTypeBuilder<SupplierReturn> b)
    {
        b.HasVersion();
        b.Ignore(x => x.ReturnAmount);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        // Exactly once: one supplier return per pushed distribution return, whatever races.
        b.HasIndex(x => x.DistributionReturnId).IsUnique();
        b.HasIndex(x => x.AfterSalesOrderId);
        // The order-number search of the supplier's list, a point lookup at any history.
        b.HasIndex(x => new { x.SupplierAccountId, x.MarketplaceOrderNo });
        b.HasIndex(x => x.DistributionOrderId);
        b.HasIndex(x => new { x.SupplierAccountId, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Id });
        // The "needs attention" filter (few rows) and the tab counts under the distributor filter, without reading the table.
        b.HasIndex(x => new { x.SupplierAccountId, x.NeedsAttention, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Status, x.Id });
        b.Property(x => x.Currency).HasMaxLength(3);
        // ActiveRefundOrderId points back at the refund order that holds the key (a cycle): no key on it.
        b.HasOne<DistributionReturn>().WithMany().HasForeignKey(x => x.DistributionReturnId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AfterSalesOrder>().WithMany().HasForeignKey(x => x.AfterSalesOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DistributionOrder>().WithMany().HasForeignKey(x => x.DistributionOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_SupplierReturns_NotNegative",
            "\"OrderStockOutAmount\" >= 0 AND \"OrderDistributionFee\" >= 0"));
    }
}

using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.DistributionReturns;

public sealed class DistributionReturnConfiguration : IEntityTypeConfiguration<DistributionReturn>
{
    public void Configure(EntityTypeBuilder<DistributionReturn> b)
    {
        b.HasVersion();
        b.OwnsOne(x => x.PushFailure, f => f.ToJson());
        b.OwnsOne(x => x.RecallFailure, f => f.ToJson());
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        b.HasIndex(x => x.AfterSalesOrderId).IsUnique();
        b.HasIndex(x => new { x.DistributorAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Id });
        // Tab counts under the supplier filter from the index alone.
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Id });
        // SupplierReturnId points back at the supplier return that holds the key (a cycle): no key on it.
        b.HasOne<AfterSalesOrder>().WithMany().HasForeignKey(x => x.AfterSalesOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DistributionOrder>().WithMany().HasForeignKey(x => x.DistributionOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_DistributionReturns_NotNegative", "\"PushAttempts\" >= 0"));
    }
}

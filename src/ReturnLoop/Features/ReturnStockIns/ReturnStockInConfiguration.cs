using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.ReturnStockIns;

public sealed class ReturnStockInConfiguration : IEntityTypeConfiguration<ReturnStockIn>
{
    public void Configure(EntityTypeBuilder<ReturnStockIn> b)
    {
        b.HasVersion();
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        // One per after-sales order, whatever races (an approval by the seller and by the platform at once).
        b.HasIndex(x => x.AfterSalesOrderId).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.Id });
        b.HasIndex(x => new { x.AccountId, x.Status, x.Id });
        // The list's search finds a store order's return without a scan; only rows that have one, as After Sales Orders'.
        b.HasIndex(x => x.StoreOrderId).HasFilter("\"StoreOrderId\" IS NOT NULL");
        b.HasOne<AfterSalesOrder>().WithMany().HasForeignKey(x => x.AfterSalesOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoreOrder>().WithMany().HasForeignKey(x => x.StoreOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

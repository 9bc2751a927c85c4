using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.AfterSales;

public sealed class AfterSalesOrderConfiguration : IEntityTypeConfiguration<AfterSalesOrder>
{
    public void Configure(EntityTypeBuilder<AfterSalesOrder> b)
    {
        b.HasVersion();
        b.Ignore(x => x.BringsGoodsBack);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        // The list pages newest first within each filter: these lead with the account and end with the id.
        b.HasIndex(x => new { x.DistributorAccountId, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.ShippingWarehouseId, x.Id });
        // Tab counts (and status tabs) under the supplier or source filter, read from the index alone (bench: 1M orders).
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Source, x.Status, x.Id });
        // The search box matches the platform's return id too.
        b.HasIndex(x => new { x.DistributorAccountId, x.PlatformReturnId });
        b.HasIndex(x => new { x.DistributorAccountId, x.MarketplaceOrderNo });
        b.HasIndex(x => x.DistributionOrderId);
        // Only the orders of a store order: most have none, and an index of NULLs told SQLite's planner that a search by
        // store order id matches every row, so it scanned the table (0.3 s at 1,000,000) instead of looking it up.
        b.HasIndex(x => x.StoreOrderId).HasFilter("\"StoreOrderId\" IS NOT NULL");
        // The "needs attention" filter of the list: few rows, found without a scan.
        b.HasIndex(x => new { x.DistributorAccountId, x.NeedsAttention, x.Id });
        // The platform's own return id is unique per shop: ingesting a return twice updates one order.
        b.HasIndex(x => new { x.DistributorAccountId, x.Source, x.ShopId, x.PlatformReturnId }).IsUnique();
        // Its order: a distribution order or a store order, never both. Neither while a platform return waits to be linked
        // (and it may be cancelled or completed by its platform in that state), so "exactly one" is not required.
        b.HasOne<DistributionOrder>().WithMany().HasForeignKey(x => x.DistributionOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoreOrder>().WithMany().HasForeignKey(x => x.StoreOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.ShippingWarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_AfterSalesOrders_OneOrder", "\"DistributionOrderId\" IS NULL OR \"StoreOrderId\" IS NULL"));
        // DistributionReturnId and ReturnStockInId point back at children that hold the key (a cycle EF cannot order);
        // ShopId is the platform's own shop id, not a Shops row.
    }
}

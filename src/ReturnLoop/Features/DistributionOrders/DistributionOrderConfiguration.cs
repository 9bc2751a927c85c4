using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.DistributionOrders;

public sealed class DistributionOrderConfiguration : IEntityTypeConfiguration<DistributionOrder>, IEntityTypeConfiguration<OrderSettlement>
{
    public void Configure(EntityTypeBuilder<DistributionOrder> b)
    {
        b.HasVersion();
        b.Ignore(x => x.UnsettledAmount);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        b.HasIndex(x => new { x.DistributorAccountId, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.Id });
        // Each side of the list on its own index (DistributionOrderQueries), with the status tab and the partner filter.
        b.HasIndex(x => new { x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Status, x.Id });
        // A marketplace order number is unique per shop; manual orders may leave both empty.
        b.HasIndex(x => new { x.DistributorAccountId, x.Platform, x.ShopId, x.MarketplaceOrderNo }).IsUnique();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.ToTable(t => t.HasCheckConstraint("CK_DistributionOrders_Settled",
            "\"SettledAmount\" >= 0 AND \"SettledAmount\" <= \"StockOutAmount\""));
        b.ToTable(t => t.HasCheckConstraint("CK_DistributionOrders_NotNegative", "\"StockOutAmount\" >= 0 AND \"DistributionFee\" >= 0"));
        // The supplier's warehouse it ships from. ShopId is the platform's own shop id (text), not a Shops row: no key.
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<OrderSettlement> b)
    {
        b.HasIndex(x => new { x.DistributionOrderId, x.Id });
        b.HasOne<DistributionOrder>().WithMany().HasForeignKey(x => x.DistributionOrderId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_OrderSettlements_NotNegative", "\"SettledAfter\" >= 0"));
    }
}

using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.StoreOrders;

public sealed class StoreOrderConfiguration : IEntityTypeConfiguration<StoreOrder>
{
    public void Configure(EntityTypeBuilder<StoreOrder> b)
    {
        b.HasVersion();
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        b.HasIndex(x => new { x.AccountId, x.Id });
        // An order number is unique per shop: a sync and a hand entry of one order cannot both land.
        b.HasIndex(x => new { x.AccountId, x.Platform, x.ShopId, x.MarketplaceOrderNo }).IsUnique();
        b.Property(x => x.ShopId).HasMaxLength(100);
        b.Property(x => x.MarketplaceOrderNo).HasMaxLength(100);
        // ShopId is the platform's own shop id, not a Shops row: no key on it.
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

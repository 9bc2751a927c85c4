namespace ReturnLoop.Features.Shops;

public sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> b)
    {
        // a push names the platform's shop id only: one shop, one account
        b.HasIndex(x => new { x.Platform, x.PlatformShopId }).IsUnique();
        b.HasIndex(x => x.AccountId);
        b.Property(x => x.Platform).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PlatformShopId).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Region).HasMaxLength(2);
        b.Property(x => x.ApiBaseUrl).HasMaxLength(500);
        b.Property(x => x.LastSyncError).HasMaxLength(500);
        b.Property(x => x.SyncLockedBy).HasMaxLength(100);
    }
}

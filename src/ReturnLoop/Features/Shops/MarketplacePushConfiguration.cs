namespace ReturnLoop.Features.Shops;

public sealed class MarketplacePushConfiguration : IEntityTypeConfiguration<MarketplacePush>
{
    public void Configure(EntityTypeBuilder<MarketplacePush> b)
    {
        // the same push delivered twice (platforms deliver at least once) is stored once
        b.HasIndex(x => new { x.Platform, x.DedupeKey }).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.ShopId);
        b.Property(x => x.Platform).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PlatformShopId).HasMaxLength(64);
        b.Property(x => x.ShopId).HasMaxLength(64);
        b.Property(x => x.DedupeKey).HasMaxLength(200);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(500);
    }
}

namespace ReturnLoop.Features.Inventory;

public sealed class StockConfiguration : IEntityTypeConfiguration<StockLevel>, IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockLevel> b)
    {
        b.HasVersion();
        b.HasIndex(x => new { x.WarehouseId, x.SkuCode }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.SkuCode });
        b.ToTable(t => t.HasCheckConstraint("CK_StockLevels_NotNegative", "\"OnHand\" >= 0 AND \"Damaged\" >= 0"));
    }

    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.HasIndex(x => new { x.AccountId, x.SkuCode, x.Id });
        b.HasIndex(x => new { x.AccountId, x.Id });
    }
}

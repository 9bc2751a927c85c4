using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Features.Inventory;

public sealed class StockConfiguration : IEntityTypeConfiguration<StockLevel>, IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockLevel> b)
    {
        b.HasVersion();
        b.HasIndex(x => new { x.WarehouseId, x.SkuCode }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.SkuCode });
        b.ToTable(t => t.HasCheckConstraint("CK_StockLevels_NotNegative", "\"OnHand\" >= 0 AND \"Damaged\" >= 0"));
        // Integrity (issue 10): account ids here and below are tenant keys, not links of the loop: accounts are never deleted
        // and every query filters by them, so they carry no foreign key.
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.HasIndex(x => new { x.AccountId, x.SkuCode, x.Id });
        b.HasIndex(x => new { x.AccountId, x.Id });
        // Every movement moves one stock row (the ledger of that row).
        b.HasOne<StockLevel>().WithMany().HasForeignKey(x => new { x.WarehouseId, x.SkuCode })
            .HasPrincipalKey(s => new { s.WarehouseId, s.SkuCode }).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_StockMovements_NotNegative", "\"QuantityAfter\" >= 0"));
    }
}

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
    }
}

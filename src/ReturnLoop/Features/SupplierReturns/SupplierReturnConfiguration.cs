namespace ReturnLoop.Features.SupplierReturns;

public sealed class SupplierReturnConfiguration : IEntityTypeConfiguration<SupplierReturn>
{
    public void Configure(EntityTypeBuilder<SupplierReturn> b)
    {
        b.HasVersion();
        b.Ignore(x => x.ReturnAmount);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        // Exactly once: one supplier return per pushed distribution return, whatever races.
        b.HasIndex(x => x.DistributionReturnId).IsUnique();
        b.HasIndex(x => x.AfterSalesOrderId);
        b.HasIndex(x => new { x.SupplierAccountId, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Id });
        // The "needs attention" filter (few rows) and the tab counts under the distributor filter, without reading the table.
        b.HasIndex(x => new { x.SupplierAccountId, x.NeedsAttention, x.Id });
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Status, x.Id });
        b.Property(x => x.Currency).HasMaxLength(3);
    }
}

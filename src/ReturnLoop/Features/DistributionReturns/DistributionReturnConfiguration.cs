namespace ReturnLoop.Features.DistributionReturns;

public sealed class DistributionReturnConfiguration : IEntityTypeConfiguration<DistributionReturn>
{
    public void Configure(EntityTypeBuilder<DistributionReturn> b)
    {
        b.HasVersion();
        b.OwnsOne(x => x.PushFailure, f => f.ToJson());
        b.OwnsOne(x => x.RecallFailure, f => f.ToJson());
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        b.HasIndex(x => x.AfterSalesOrderId).IsUnique();
        b.HasIndex(x => new { x.DistributorAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Id });
        // Tab counts under the supplier filter from the index alone.
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Id });
    }
}

namespace ReturnLoop.Features.Partnerships;

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.HasVersion();
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId });
        b.HasIndex(x => x.SupplierAccountId);
        // At most one open (pending or active) partnership per pair; ended ones are history.
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId }, "IX_Partnerships_Open")
            .IsUnique()
            .HasFilter("\"Status\" IN ('Pending', 'Active')");
    }
}

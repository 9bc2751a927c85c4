namespace ReturnLoop.Features.Balances;

public sealed class CustomerBalanceConfiguration : IEntityTypeConfiguration<CustomerBalance>, IEntityTypeConfiguration<BalanceLedgerEntry>
{
    public void Configure(EntityTypeBuilder<CustomerBalance> b)
    {
        b.HasVersion();
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId }).IsUnique();
        b.HasIndex(x => x.DistributorAccountId);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.ToTable(t => t.HasCheckConstraint("CK_CustomerBalances_NotNegative", "\"Balance\" >= 0"));
    }

    public void Configure(EntityTypeBuilder<BalanceLedgerEntry> b)
    {
        b.HasIndex(x => new { x.SupplierAccountId, x.DistributorAccountId, x.Id });
        b.Property(x => x.Currency).HasMaxLength(3);
    }
}

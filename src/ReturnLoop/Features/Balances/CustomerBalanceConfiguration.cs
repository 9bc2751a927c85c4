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
        // Every entry is of one balance (the pair's); the account ids are tenant keys, no foreign key to Accounts.
        b.HasOne<CustomerBalance>().WithMany().HasForeignKey(x => new { x.SupplierAccountId, x.DistributorAccountId })
            .HasPrincipalKey(x => new { x.SupplierAccountId, x.DistributorAccountId }).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_BalanceLedger_NotNegative", "\"BalanceAfter\" >= 0"));
    }
}

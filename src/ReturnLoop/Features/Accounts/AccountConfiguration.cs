namespace ReturnLoop.Features.Accounts;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<User>,
    IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.ToTable(t => t.HasCheckConstraint("CK_Accounts_FeesNotNegative", "\"DistributionFee\" >= 0 AND \"ReturnHandlingFee\" >= 0"));
    }

    public void Configure(EntityTypeBuilder<User> b)
    {
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.AccountId);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Language).HasMaxLength(8);
    }

    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasIndex(x => x.AccountId);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

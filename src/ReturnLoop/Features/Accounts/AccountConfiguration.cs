namespace ReturnLoop.Features.Accounts;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<User>,
    IEntityTypeConfiguration<ApiKey>, IEntityTypeConfiguration<Invitation>
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
        // existing users were the only user of their account: Owners
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Role.Owner).HasSentinel((Role)(-1));
    }

    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasIndex(x => x.AccountId);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.UserId);
        // A removed user's keys go with them (RemoveUser deletes them too; this covers any other path).
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.AccountId);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
    }
}

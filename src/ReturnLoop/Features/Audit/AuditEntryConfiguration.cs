namespace ReturnLoop.Features.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        // The log and its two filters page newest first within the account.
        b.HasIndex(x => new { x.AccountId, x.Id });
        b.HasIndex(x => new { x.AccountId, x.EntityId, x.Id });
        b.HasIndex(x => new { x.AccountId, x.ActorId, x.Id });
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.ActorId).HasMaxLength(200);
        b.Property(x => x.TraceId).HasMaxLength(32);
    }
}

namespace ReturnLoop.Features.Webhooks;

public sealed class WebhookConfiguration :
    IEntityTypeConfiguration<WebhookEndpoint>, IEntityTypeConfiguration<WebhookEvent>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.HasIndex(x => new { x.AccountId, x.Id });
        b.Property(x => x.Url).HasMaxLength(WebhookUrls.MaxLength);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Events).HasMaxLength(1000);
        b.Property(x => x.Secret).HasMaxLength(100);
        b.Ignore(x => x.EventTypes);
    }

    public void Configure(EntityTypeBuilder<WebhookEvent> b)
    {
        b.HasIndex(x => new { x.AccountId, x.Id });
        b.Property(x => x.Type).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WebhookEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        // The worker's claim reads only what is due: a small partial index however long the log grows.
        b.HasIndex(x => x.NextAttemptAt, "IX_WebhookDeliveries_Due").HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(x => new { x.EndpointId, x.Id });
        b.HasIndex(x => new { x.EndpointId, x.Status, x.Id });
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.Property(x => x.LockedBy).HasMaxLength(100);
    }
}

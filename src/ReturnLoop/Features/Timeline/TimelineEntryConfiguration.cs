namespace ReturnLoop.Features.Timeline;

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.ToTable("TimelineEntries");
        b.HasIndex(x => new { x.AfterSalesOrderId, x.Id });
    }
}

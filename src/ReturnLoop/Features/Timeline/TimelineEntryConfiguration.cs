using ReturnLoop.Features.AfterSales;

namespace ReturnLoop.Features.Timeline;

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.ToTable("TimelineEntries");
        b.HasIndex(x => new { x.AfterSalesOrderId, x.Id });
        b.Property(x => x.ActorId).HasMaxLength(200);
        b.HasOne<AfterSalesOrder>().WithMany().HasForeignKey(x => x.AfterSalesOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

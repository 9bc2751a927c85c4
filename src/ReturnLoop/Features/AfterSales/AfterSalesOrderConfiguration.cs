namespace ReturnLoop.Features.AfterSales;

public sealed class AfterSalesOrderConfiguration : IEntityTypeConfiguration<AfterSalesOrder>
{
    public void Configure(EntityTypeBuilder<AfterSalesOrder> b)
    {
        b.HasVersion();
        b.Ignore(x => x.BringsGoodsBack);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
        // The list pages newest first within each filter: these lead with the account and end with the id.
        b.HasIndex(x => new { x.DistributorAccountId, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.ShippingWarehouseId, x.Id });
        // Tab counts (and status tabs) under the supplier or source filter, read from the index alone (bench: 1M orders).
        b.HasIndex(x => new { x.DistributorAccountId, x.SupplierAccountId, x.Status, x.Id });
        b.HasIndex(x => new { x.DistributorAccountId, x.Source, x.Status, x.Id });
        // The search box matches the platform's return id too.
        b.HasIndex(x => new { x.DistributorAccountId, x.PlatformReturnId });
        b.HasIndex(x => new { x.DistributorAccountId, x.MarketplaceOrderNo });
        b.HasIndex(x => x.DistributionOrderId);
        b.HasIndex(x => x.StoreOrderId);
        // The "needs attention" filter of the list: few rows, found without a scan.
        b.HasIndex(x => new { x.DistributorAccountId, x.NeedsAttention, x.Id });
        // The platform's own return id is unique per shop: ingesting a return twice updates one order.
        b.HasIndex(x => new { x.DistributorAccountId, x.Source, x.ShopId, x.PlatformReturnId }).IsUnique();
    }
}

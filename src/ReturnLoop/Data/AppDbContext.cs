using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using ReturnLoop.Features.Shops;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Audit;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.TabCounts;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Timeline;
using ReturnLoop.Features.Warehouses;
using ReturnLoop.Features.Webhooks;
using ReturnLoop.Infrastructure.Idempotency;

namespace ReturnLoop.Data;

/// <summary>The unit of work: use cases change entities and call SaveChanges once, in one transaction.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<SupplierSku> SupplierSkus => Set<SupplierSku>();
    public DbSet<MerchantSku> MerchantSkus => Set<MerchantSku>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<DistributionOrder> DistributionOrders => Set<DistributionOrder>();
    public DbSet<OrderSettlement> OrderSettlements => Set<OrderSettlement>();
    public DbSet<AfterSalesOrder> AfterSalesOrders => Set<AfterSalesOrder>();
    public DbSet<DistributionReturn> DistributionReturns => Set<DistributionReturn>();
    public DbSet<SupplierReturn> SupplierReturns => Set<SupplierReturn>();
    public DbSet<RefundOrder> RefundOrders => Set<RefundOrder>();
    public DbSet<PaymentProof> PaymentProofs => Set<PaymentProof>();
    public DbSet<CustomerBalance> CustomerBalances => Set<CustomerBalance>();
    public DbSet<BalanceLedgerEntry> BalanceLedger => Set<BalanceLedgerEntry>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Shop> Shops => Set<Shop>();
    public DbSet<StoreOrder> StoreOrders => Set<StoreOrder>();
    public DbSet<ReturnStockIn> ReturnStockIns => Set<ReturnStockIn>();
    public DbSet<MarketplacePush> MarketplacePushes => Set<MarketplacePush>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TabCount> TabCounts => Set<TabCount>();

    /// <summary>ASP.NET Core Data Protection's keys (cookies, shop credentials): shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>SQLite: the writer a use case takes at its first write (see <see cref="Concurrency.DeferredWriter"/>).</summary>
    internal Concurrency.DeferredWriter? DeferredWriter { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await this.BeginWritingAsync(cancellationToken);
        using var _ = OneChangeScan();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        DeferredWriter?.Begin();
        using var _ = OneChangeScan();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Detects the use case's changes once for the whole save. Each interceptor (audit, tab counts, outbox, live updates,
    /// metrics, versions) reads <c>ChangeTracker.Entries()</c>, and each read scanned every tracked entity again: a
    /// tenth of a bulk action's time. They only add rows or set values through the change tracker's own API, which
    /// needs no scan.
    /// </summary>
    private ChangeScan? OneChangeScan()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled) return null;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new ChangeScan(ChangeTracker);
    }

    private sealed class ChangeScan(ChangeTracker tracker) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = true;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is exact on both databases: hundredths in a 64-bit integer (see Money).
        configurationBuilder.Properties<decimal>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsSqlite())
        {
            // SQLite has no time type: UTC ticks as an integer compare and sort like the instants they are.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class MoneyConverter() : ValueConverter<decimal, long>(v => Money.ToStorage(v), v => Money.FromStorage(v));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ReturnLoop.Data;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.TabCounts;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Bench;

/// <summary>
/// Years of history built with the app's own factories and domain verbs, in memory, then written straight into the bench's
/// database by <see cref="SeedWriter"/> (binary COPY / prepared INSERTs, columns and values from the app's EF model), a batch
/// being generated while the one before it is written. The old path (AppDbContext.AddRange + SaveChanges) stays for
/// <c>--verify-seed</c>, which checks that both paths write the same rows (SeedCheck.cs).
/// Every after-sales status is present, with the distribution returns, supplier returns, refund orders and order
/// settlements those statuses imply, over several distributors, four sources, two warehouses and ~2 years of dates.
/// Left out on purpose: timeline rows and the stock ledger of past stock-ins (no list reads them; the stock rows the
/// loops touch are set by the HTTP setup).
/// </summary>
internal sealed partial class History(DatabaseProvider provider, string connectionString, World world, int plannedTotal)
{
    private const int BatchSize = 4000;
    // After-sales orders generated and written per batch: big enough for few commits, small enough to keep the bench small.
    private const int SeedBatchSize = 10_000;
    private static readonly string[] Reasons = ["Wrong size", "Damaged in transit", "Not as described", "Changed mind", "Missing parts"];
    private static readonly BankAccount Bank = new("Maybank", "Distributor Sdn Bhd", "5140-1234-5678");
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddDays(-730);
    private readonly TimeSpan _span = TimeSpan.FromDays(720);
    private Dictionary<string, Warehouse> _warehouses = [];
    private List<MerchantSku> _merchantSkus = [];
    private Partnership[] _partnerships = [];
    private SeedTable[]? _tables;

    /// <summary>After-sales orders of history inserted so far.</summary>
    public int Count { get; private set; }

    public AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        var db = new AppDbContext(options.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        return db;
    }

    private async Task LoadReferenceAsync()
    {
        if (_warehouses.Count > 0) return;
        await using var db = NewContext();
        _warehouses = await db.Warehouses.AsNoTracking().Where(w => w.AccountId == world.Supplier.Id).ToDictionaryAsync(w => w.Id);
        _merchantSkus = await db.MerchantSkus.AsNoTracking().Where(m => m.AccountId == world.Main.Id).ToListAsync();
        // History predates today's partnerships: the push rules are shown one active since before the first order.
        var since = Partnership.Apply(world.Main.Id, world.Supplier.Id, _start.AddDays(-1));
        since.Accept(_start.AddDays(-1));
        _partnerships = [since];
    }

    /// <summary>Adds history until <paramref name="total"/> after-sales orders exist; returns the seconds it took.</summary>
    public async Task<double> GrowToAsync(int total, Action<string> log)
    {
        await LoadReferenceAsync();
        var clock = Stopwatch.StartNew();
        var from = Count;
        var generating = TimeSpan.Zero;
        // Two cores: the domain verbs build the next batch while the database (or SQLite in this process) writes this one.
        // PostgreSQL writes on one connection per core (every batch holds its own parents, so batches are independent):
        // its backend, not the bench, is the bottleneck (index inserts and foreign key checks).
        var connections = provider == DatabaseProvider.Postgres ? Math.Max(2, Environment.ProcessorCount) : 1;
        var batches = Channel.CreateBounded<List<SeedRows>>(
            new BoundedChannelOptions(connections) { SingleReader = connections == 1, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var start = from; start < total; start += SeedBatchSize)
                {
                    var started = Stopwatch.GetTimestamp();
                    var batch = new Batch();
                    for (var i = start; i < Math.Min(total, start + SeedBatchSize); i++) One(i, batch);
                    var rows = Rows(batch);
                    generating += Stopwatch.GetElapsedTime(started);
                    await batches.Writer.WriteAsync(rows, stop.Token);
                }
                batches.Writer.TryComplete();
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);
            }
        });
        var gate = new Lock();
        var (written, rowsWritten, opened) = (0, 0L, 0);
        var writers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            await using var writer = await SeedWriter.OpenAsync(provider, connectionString);
            if (Interlocked.Increment(ref opened) == 1) log($"  writing: {writer.Mode}, {connections} connection(s)");
            await foreach (var rows in batches.Reader.ReadAllAsync(stop.Token))
            {
                var n = await writer.WriteAsync(rows);
                lock (gate)
                {
                    var before = from + written;
                    written += rows[AfterSalesTable].Rows.Count;
                    rowsWritten += n;
                    var now = from + written;
                    if (now / 100_000 != before / 100_000 || now == total)
                        log($"  history: {now:N0} after-sales orders, {rowsWritten:N0} rows in {clock.Elapsed.TotalSeconds:N1} s "
                            + $"({rowsWritten / clock.Elapsed.TotalSeconds:N0} rows/s on {connections} connection(s), generating "
                            + $"{generating.TotalSeconds:N1} s beside it), load {Machine.LoadAverage()}");
                }
            }
        })).ToList();
        try
        {
            await Task.WhenAll(writers);
        }
        finally
        {
            // A failed write stops the generator and the other writers too.
            await stop.CancelAsync();
        }
        Count = total;
        await producer;
        await RecountTabsAsync();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The rows went in around the app, so its kept tab counts (TabCountInterceptor) know nothing of them: the app's own
    /// recount, as at the first start of the version that keeps them. Part of the seeding time.
    /// </summary>
    private async Task RecountTabsAsync()
    {
        await using var db = NewContext();
        await db.RecountTabsAsync(default);
    }

    /// <summary>To Push returns of the main distributor, dated now, for the bulk push (and the stock-in and refund after it).</summary>
    public async Task<List<string>> ToPushAsync(int count)
    {
        await LoadReferenceAsync();
        var ids = new List<string>(count);
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = new Batch();
            for (var i = start; i < Math.Min(count, start + BatchSize); i++)
            {
                var now = DateTimeOffset.UtcNow;
                var order = HotOrder($"BP{Guid.NewGuid():N}", now);
                var aso = AfterSalesOrder.Create(order, Platform.Shopee, AfterSalesType.ReturnAndRefund, "Peak-sale return",
                    [new AfterSalesLine(World.HotMerchantSku, 1)], now, "shopee-main", $"BP{Guid.NewGuid():N}");
                aso.Approve(now);
                var ret = DistributionReturn.Create(aso.Id, order.Id, world.Main.Id, world.Supplier.Id, order.WarehouseId, now);
                aso.AttachDistributionReturn(ret.Id);
                batch.Orders.Add(order);
                batch.AfterSales.Add(aso);
                batch.Returns.Add(ret);
                ids.Add(ret.Id);
            }
            await InsertAsync(batch);
        }
        await RecountTabsAsync();
        return ids;
    }

    /// <summary>Shipped orders of one hot SKU from the hot warehouse, each walked once by a closed loop over HTTP.</summary>
    public async Task<List<string>> LoopOrdersAsync(int count)
    {
        var ids = new List<string>(count);
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = new Batch();
            for (var i = start; i < Math.Min(count, start + BatchSize); i++)
            {
                var order = HotOrder($"LP{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
                batch.Orders.Add(order);
                ids.Add(order.Id);
            }
            await InsertAsync(batch);
        }
        await RecountTabsAsync();
        return ids;
    }

    private DistributionOrder HotOrder(string orderNo, DateTimeOffset now)
    {
        var order = DistributionOrder.Create(world.Main.Id, world.Supplier.Id, "MYR", world.HotWarehouseId, Platform.Shopee, "shopee-main",
            orderNo, [new DistributionOrderLine(World.HotMerchantSku, 1, World.HotSku, 1)], now, now);
        order.Ship(World.Prices, 3.00m, now);
        return order;
    }

    private Party DistributorOf(int i)
    {
        // The main distributor sells 40%; the rest spread evenly.
        var others = world.Distributors.Count - 1;
        return i % 10 < 4 || others == 0 ? world.Main : world.Distributors[1 + (int)((uint)(i * 40503) % (uint)others)];
    }

    private void One(int i, Batch b)
    {
        var d = DistributorOf(i);
        var at = _start + _span * ((double)i / Math.Max(plannedTotal, i + 1));
        var platform = (Platform)(i % 4);
        var shop = platform == Platform.Manual ? null : $"{platform.ToString().ToLowerInvariant()}-{d.Id[^6..]}";
        var warehouseId = i % 3 == 0 ? world.OtherWarehouseId : world.HotWarehouseId;
        var k = 1 + i % World.Singles.Length;
        var combo = i % 10 >= 7;
        var r = (int)((uint)i * 2654435761u % 100u); // the status mix, scattered over the dates
        var reason = Reasons[i % Reasons.Length];
        if (r == 32)
        {
            // A platform return whose order ReturnLoop does not know: kept and flagged for the seller.
            b.AfterSales.Add(AfterSalesOrder.CreateUnlinked(d.Id, platform == Platform.Manual ? Platform.Shopee : platform,
                AfterSalesType.ReturnAndRefund, reason, $"X{i:D9}", [new AfterSalesLine($"M-{k}", 1)], at, shop ?? "shopee-x", $"U{i:D9}"));
            return;
        }
        List<DistributionOrderLine> lines = [new($"M-{k}", 2, $"SKU-{k}", 1)];
        if (combo) lines.AddRange([new("M-COMBO", 1, "SKU-4", 1), new("M-COMBO", 1, "SKU-5", 2)]);
        var order = DistributionOrder.Create(d.Id, world.Supplier.Id, "MYR", warehouseId, platform, shop, $"H{i:D9}", lines, at, at);
        order.Ship(World.Prices, 3.00m, at.AddHours(6));
        b.Orders.Add(order);

        var type = r switch
        {
            >= 25 and < 30 => AfterSalesType.RefundOnly,
            30 or 31 => AfterSalesType.AbnormalReturn,
            _ => AfterSalesType.ReturnAndRefund,
        };
        List<AfterSalesLine> asked = [new($"M-{k}", 1)];
        if (combo && i % 2 == 0) asked.Add(new("M-COMBO", 1));
        var t = at.AddDays(3);
        var aso = AfterSalesOrder.Create(order, platform, type, reason, asked, t, shop, platform == Platform.Manual ? null : $"R{i:D9}");
        b.AfterSales.Add(aso);
        if (r < 4) return; // To Confirm
        if (r < 7)
        {
            aso.Cancel(t.AddHours(2));
            return;
        }
        if (type == AfterSalesType.RefundOnly)
        {
            aso.Approve(t.AddHours(4));
            aso.CompleteRefundOnly(t.AddDays(2));
            return;
        }
        if (aso.CanApprove) aso.Approve(t.AddHours(4));
        var ret = DistributionReturn.Create(aso.Id, order.Id, d.Id, world.Supplier.Id, warehouseId, t.AddHours(4));
        aso.AttachDistributionReturn(ret.Id);
        b.Returns.Add(ret);
        if (r == 7)
        {
            aso.Cancel(t.AddHours(8));
            ret.Recall(null, t.AddHours(8));
            return;
        }
        if (r < 11) return; // To Push
        var pushAt = t.AddDays(1);
        if (r == 11)
        {
            ret.MarkPushFailed(new Failure(PushRules.UnmappedSku, $"Merchant SKU M-{k} is not mapped to a supplier SKU."), pushAt);
            return;
        }
        var context = PushContext.Of([order], [aso], _partnerships, _merchantSkus, _warehouses.Keys);
        var sr = ret.Push(context, TimeSpan.FromDays(90), pushAt)
            ?? throw new InvalidOperationException($"History push failed: {ret.PushFailure}");
        b.SupplierReturns.Add(sr);
        if (r == 16)
        {
            aso.Cancel(pushAt.AddHours(3));
            ret.Recall(sr, pushAt.AddHours(3));
            return;
        }
        if (r < 16) return; // Pending stock-in
        var stockAt = pushAt.AddDays(4);
        var condition = i % 17 == 0 ? ItemCondition.Damaged : ItemCondition.Good;
        var received = sr.Lines.Select(l => new StockInLine(l.SupplierSkuCode, l.ExpectedQuantity, condition)).ToList();
        sr.StockIn(_warehouses[warehouseId], received, stockAt);
        aso.MarkReceived(stockAt);
        if (r == 20)
        {
            // Cancelled after stock-in: the recall fails and both sides must look.
            aso.Cancel(stockAt.AddHours(1));
            ret.Recall(sr, stockAt.AddHours(1));
            return;
        }
        if (r < 21) return; // Received
        var refundAt = stockAt.AddDays(1);
        var refund = RefundOrder.Create(sr, aso, order, 2.00m, 0m, RefundMethod.BankTransfer, Bank, refundAt);
        b.Refunds.Add(refund);
        if (refund.SettledOnOrder > 0) b.Settlements.Add(order.SettleByRefund(refund.SettledOnOrder, refund.Id, refundAt));
        if (r < 24) return; // Awaiting confirmation
        if (r == 24)
        {
            refund.ReportNotReceived("Not in our statement yet.");
            return;
        }
        var doneAt = refundAt.AddDays(2);
        refund.ConfirmReceipt(doneAt);
        sr.Complete(doneAt);
        aso.MarkCompleted(doneAt);
    }

    /// <summary>The fast path: the batch through <see cref="SeedWriter"/>.</summary>
    private async Task<long> InsertAsync(Batch b)
    {
        await using var writer = await SeedWriter.OpenAsync(provider, connectionString);
        return await writer.WriteAsync(Rows(b));
    }

    /// <summary>The tables of the history, parents first, as the app's EF model maps them.</summary>
    public SeedTable[] Tables()
    {
        if (_tables is not null) return _tables;
        using var db = NewContext();
        _tables = [.. new[]
        {
            typeof(DistributionOrder), typeof(AfterSalesOrder), typeof(DistributionReturn), typeof(SupplierReturn),
            typeof(RefundOrder), typeof(OrderSettlement),
        }.Select(t => SeedTable.Of(db.Model, t))];
        return _tables;
    }

    /// <summary>Where the after-sales orders sit in <see cref="Tables"/> and in a batch's rows (progress counts them).</summary>
    private const int AfterSalesTable = 1;

    private List<SeedRows> Rows(Batch b)
    {
        var t = Tables();
        return
        [
            SeedRows.Of(t[0], b.Orders), SeedRows.Of(t[1], b.AfterSales), SeedRows.Of(t[2], b.Returns),
            SeedRows.Of(t[3], b.SupplierReturns), SeedRows.Of(t[4], b.Refunds), SeedRows.Of(t[5], b.Settlements),
        ];
    }

    /// <summary>The old path, kept to check the fast one: the app's own AppDbContext, AddRange + SaveChanges.</summary>
    private async Task<long> InsertWithEfAsync(Batch b)
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();
        if (provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;");
        db.DistributionOrders.AddRange(b.Orders);
        db.AfterSalesOrders.AddRange(b.AfterSales);
        db.DistributionReturns.AddRange(b.Returns);
        db.SupplierReturns.AddRange(b.SupplierReturns);
        db.RefundOrders.AddRange(b.Refunds);
        db.OrderSettlements.AddRange(b.Settlements);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return b.Orders.Count + b.AfterSales.Count + b.Returns.Count + b.SupplierReturns.Count + b.Refunds.Count + b.Settlements.Count;
    }

    private sealed class Batch
    {
        public List<DistributionOrder> Orders { get; } = [];
        public List<AfterSalesOrder> AfterSales { get; } = [];
        public List<DistributionReturn> Returns { get; } = [];
        public List<SupplierReturn> SupplierReturns { get; } = [];
        public List<RefundOrder> Refunds { get; } = [];
        public List<OrderSettlement> Settlements { get; } = [];
    }
}

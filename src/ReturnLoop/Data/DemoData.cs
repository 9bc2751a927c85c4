using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Warehouses;

namespace ReturnLoop.Data;

/// <summary>
/// In Development (or with <c>Demo:Seed=true</c>) a new database gets a supplier and a distributor with warehouses, SKUs, a combo,
/// shipped orders and after-sales orders spread over every status — built through the same use cases as the API,
/// so the demo data obeys every rule. The demo keys are fixed so the README's curl walk works as written.
/// </summary>
public static class DemoData
{
    public const string SupplierKey = "rl_demo_supplier_key_change_me";
    public const string DistributorKey = "rl_demo_distributor_key_change_me";
    public const string SupplierEmail = "supplier@demo.returnloop.test";
    public const string DistributorEmail = "distributor@demo.returnloop.test";
    public const string Password = "returnloop-demo";

    public static async Task SeedDemoDataAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        // The demo keys are public: only Development (what `dotnet run` uses) seeds unless Demo:Seed says otherwise.
        var config = services.GetRequiredService<IConfiguration>();
        if (!config.GetValue("Demo:Seed", services.GetRequiredService<IHostEnvironment>().IsDevelopment())) return;

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ReturnLoop.Demo");
        if (await db.Accounts.AnyAsync(ct)) return;

        try
        {
            await SeedAsync(sp, db, ct);
        }
        catch (Exception e) when (ProblemDetailsMapping.IsConflict(e))
        {
            return; // another instance seeded the same new database at the same moment
        }

        log.LogInformation("""

            Demo data is ready (a new database; turn off with Demo:Seed=false).
              Supplier     BigShop Supplies   login {SupplierEmail} / {Password}   API key {SupplierKey}
              Distributor  Kedai Ali Online   login {DistributorEmail} / {Password}   API key {DistributorKey}
              Try: curl -H "Authorization: Bearer {DistributorKey}" http://localhost:5080/api/v1/after-sales-orders/counts
            """, SupplierEmail, Password, SupplierKey, DistributorEmail, Password, DistributorKey, DistributorKey);
    }

    private static async Task SeedAsync(IServiceProvider sp, AppDbContext db, CancellationToken ct)
    {
        T Use<T>() where T : notnull => sp.GetRequiredService<T>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();

        var supplier = await Use<SignUp>().HandleAsync(new("BigShop Supplies", "MYR", SupplierEmail, Password), ct, SupplierKey);
        var distributor = await Use<SignUp>().HandleAsync(new("Kedai Ali Online", "MYR", DistributorEmail, Password), ct, DistributorKey);
        string s = supplier.Account.Id, d = distributor.Account.Id;

        // The partnership started long ago, so that imported history falls inside it.
        var partnership = await Use<ApplyForPartnership>().HandleAsync(d, new(s), ct);
        await Use<DecidePartnership>().HandleAsync(s, partnership.Id, PartnershipDecision.Accept, ct);
        await db.Partnerships.Where(p => p.Id == partnership.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ActiveFrom, now.AddDays(-365)).BumpVersion(), ct);

        var kl = await Use<CreateWarehouse>().HandleAsync(s, new("KL-01", "Kuala Lumpur DC", WarehouseKind.Own), ct);
        await Use<CreateWarehouse>().HandleAsync(s, new("PG-3PL", "Penang 3PL", WarehouseKind.ThirdParty), ct);
        db.ChangeTracker.Clear();

        foreach (var (code, name, cost, price) in new[]
                 {
                     ("TS-RED-M", "T-shirt red M", 18.00m, 45.00m), ("TS-BLUE-M", "T-shirt blue M", 18.00m, 45.00m),
                     ("CAP-BLK", "Cap black", 7.50m, 18.50m), ("MUG-WHT", "Mug white", 6.00m, 22.00m),
                 })
        {
            await Use<CreateSupplierSku>().HandleAsync(s, new(code, name, cost, price), ct);
            await Use<AdjustStock>().HandleAsync(s, new(kl.Id, code, 200, "Opening stock"), ct);
        }
        await Use<UpdateChargeSettings>().HandleAsync(s, new(3.00m, 2.00m), ct);

        foreach (var (code, name, parts) in new[]
                 {
                     ("SHP-TS-RED-M", "Red tee M (Shopee)", new[] { ("TS-RED-M", 1) }),
                     ("SHP-TS-BLUE-M", "Blue tee M (Shopee)", new[] { ("TS-BLUE-M", 1) }),
                     ("TT-CAP-BLK", "Black cap (TikTok)", new[] { ("CAP-BLK", 1) }),
                     ("LZ-MUG-2PK", "Mug twin pack (Lazada)", new[] { ("MUG-WHT", 2) }),
                     ("COMBO-TEE-CAP", "Tee + cap bundle", new[] { ("TS-RED-M", 1), ("CAP-BLK", 1) }),
                 })
        {
            var components = parts.Select(p => new ComponentRequest(p.Item1, p.Item2)).ToList();
            await Use<CreateMerchantSku>().HandleAsync(d, new(code, name, s, components), ct);
        }

        var orderNo = 240_001;
        async Task<DistributionOrder> Order(Platform platform, int daysAgo, params (string Sku, int Qty)[] lines)
        {
            var placed = now.AddDays(-daysAgo);
            var shop = $"{platform.ToString().ToLowerInvariant()}-my-01";
            var marketplaceOrderNo = $"{platform.ToString()[..2].ToUpperInvariant()}{orderNo++}";
            var orderLines = lines.Select(l => new CreateDistributionOrder.Line(l.Sku, l.Qty)).ToList();
            var order = await Use<CreateDistributionOrder>()
                .HandleAsync(d, new(s, kl.Id, platform, shop, marketplaceOrderNo, orderLines, placed), ct);
            return await Use<ShipDistributionOrder>().HandleAsync(s, order.Id, new(null, null, placed.AddHours(6)), ct);
        }
        async Task<AfterSalesOrder> Request(
            DistributionOrder order, AfterSalesType type, string reason, params (string Sku, int Qty)[] lines) =>
            await Use<CreateAfterSalesOrder>().HandleAsync(
                d, new(order.Id, type, reason, lines.Select(l => new CreateAfterSalesOrder.Line(l.Sku, l.Qty)).ToList()), ct);
        async Task<(AfterSalesOrder AfterSales, string SupplierReturnId)> Pushed(
            DistributionOrder order, string reason, params (string Sku, int Qty)[] lines)
        {
            var a = await Request(order, AfterSalesType.ReturnAndRefund, reason, lines);
            a = await Use<ApproveAfterSalesOrder>().HandleAsync(d, a.Id, ct);
            var pushed = await Use<PushDistributionReturns>().HandleAsync(d, a.DistributionReturnId!, ct);
            return (a, pushed.Return!.SupplierReturnId!);
        }
        async Task StockIn(string supplierReturnId, params (string Sku, int Qty, ItemCondition Condition)[] lines) =>
            await Use<StockInSupplierReturn>().HandleAsync(
                s, supplierReturnId, new(kl.Id, lines.Select(l => new StockInSupplierReturn.Line(l.Sku, l.Qty, l.Condition)).ToList()), ct);
        var bank = new BankAccountRequest("Maybank", "Kedai Ali Online Sdn Bhd", "5140 1234 5678");

        // ToConfirm: a buyer asked to return a tee.
        await Request(
            await Order(Platform.Shopee, 6, ("SHP-TS-RED-M", 2)), AfterSalesType.ReturnAndRefund, "Wrong size", ("SHP-TS-RED-M", 1));

        // ConfirmReturn, in To Push: approved, waiting for a manual push.
        var toPush = await Request(
            await Order(Platform.TikTok, 5, ("TT-CAP-BLK", 3)), AfterSalesType.ReturnAndRefund, "Colour differs from photo",
            ("TT-CAP-BLK", 1));
        await Use<ApproveAfterSalesOrder>().HandleAsync(d, toPush.Id, ct);

        // Push Failed: the order shipped more than 90 days ago.
        var old = await Request(
            await Order(Platform.Lazada, 120, ("LZ-MUG-2PK", 1)), AfterSalesType.ReturnAndRefund, "Chipped", ("LZ-MUG-2PK", 1));
        old = await Use<ApproveAfterSalesOrder>().HandleAsync(d, old.Id, ct);
        await Use<PushDistributionReturns>().HandleAsync(d, old.DistributionReturnId!, ct);

        // Pushed, pending stock-in at the supplier: a combo, split into its sub-SKUs.
        await Pushed(await Order(Platform.Shopee, 4, ("COMBO-TEE-CAP", 2)), "Changed mind", ("COMBO-TEE-CAP", 1));

        // Received Return: stocked in, one unit damaged, waiting for a refund order.
        var received = await Pushed(await Order(Platform.Shopee, 10, ("SHP-TS-BLUE-M", 3)), "Too small", ("SHP-TS-BLUE-M", 2));
        await StockIn(received.SupplierReturnId, ("TS-BLUE-M", 1, ItemCondition.Good), ("TS-BLUE-M", 1, ItemCondition.Damaged));

        // Refund Processing: refunded by bank transfer, waiting for the distributor to confirm receipt.
        var bankOrder = await Order(Platform.TikTok, 12, ("TT-CAP-BLK", 4));
        await Use<RecordPayment>().HandleAsync(
            s, bankOrder.Id, new(bankOrder.StockOutAmount, PaymentMethod.BankTransfer, "Paid in full"), ct);
        var bankReturn = await Pushed(bankOrder, "Stitching loose", ("TT-CAP-BLK", 2));
        await StockIn(bankReturn.SupplierReturnId, ("CAP-BLK", 2, ItemCondition.Good));
        await Use<CreateRefundOrder>().HandleAsync(s, bankReturn.SupplierReturnId, new(0m, RefundMethod.BankTransfer, bank), ct);

        // Completed: refunded to the customer balance, which then pays part of a new order.
        var paidOrder = await Order(Platform.Shopee, 15, ("SHP-TS-RED-M", 3));
        await Use<RecordPayment>().HandleAsync(
            s, paidOrder.Id, new(paidOrder.StockOutAmount, PaymentMethod.BankTransfer, "Paid in full"), ct);
        var done = await Pushed(paidOrder, "Defective print", ("SHP-TS-RED-M", 2));
        await StockIn(done.SupplierReturnId, ("TS-RED-M", 2, ItemCondition.Good));
        await Use<CreateRefundOrder>().HandleAsync(s, done.SupplierReturnId, new(0m, RefundMethod.CustomerBalance, null), ct);
        var next = await Order(Platform.Shopee, 1, ("SHP-TS-BLUE-M", 1));
        await Use<RecordPayment>().HandleAsync(s, next.Id, new(40.00m, PaymentMethod.CustomerBalance, "Paid from balance"), ct);
        await Use<AddManualCredit>().HandleAsync(s, d, new(25.00m, "Goodwill credit for a late delivery"), ct);

        // Cancelled before the goods reached the supplier: the pushed return is recalled.
        var recalled = await Pushed(await Order(Platform.Lazada, 8, ("LZ-MUG-2PK", 2)), "Buyer cancelled", ("LZ-MUG-2PK", 1));
        await Use<CancelAfterSalesOrder>().HandleAsync(d, recalled.AfterSales.Id, ct);

        // Cancelled after stock-in: the recall fails and the supplier return needs attention.
        var late = await Pushed(await Order(Platform.TikTok, 9, ("TT-CAP-BLK", 2)), "Buyer cancelled late", ("TT-CAP-BLK", 1));
        await StockIn(late.SupplierReturnId, ("CAP-BLK", 1, ItemCondition.Good));
        await Use<CancelAfterSalesOrder>().HandleAsync(d, late.AfterSales.Id, ct);

        // Refund only: no goods come back.
        var refundOnly = await Request(
            await Order(Platform.Shopee, 3, ("SHP-TS-RED-M", 1)), AfterSalesType.RefundOnly, "Parcel arrived late", ("SHP-TS-RED-M", 1));
        await Use<ApproveAfterSalesOrder>().HandleAsync(d, refundOnly.Id, ct);

        // An abnormal return: the parcel came back undelivered; with auto-push off it waits in To Push.
        await Request(
            await Order(Platform.Lazada, 7, ("LZ-MUG-2PK", 1)), AfterSalesType.AbnormalReturn, "Failed delivery: address not found");
    }
}

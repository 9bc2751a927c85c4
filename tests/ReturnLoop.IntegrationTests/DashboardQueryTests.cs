using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReturnLoop.Data;
using ReturnLoop.Features.Dashboard;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The dashboard's figures on both databases, from a small history built through the API over three days of a
/// fake clock: the counts, the per-day money (bucketed by UTC day whatever the database stores), the return rate.
/// </summary>
public sealed class DashboardQueryTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Figures_of_both_sides_match_the_history(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Day0);
        await using var app = AppFactory.Isolated(provider, s => s.AddSingleton<TimeProvider>(clock));
        var w = await World.CreateAsync(app);
        await w.ChargeSettings(distributionFee: 0m, returnHandlingFee: 5m);
        var a = await w.Product("A", 10m);
        var b = await w.Product("B", 20m);
        var c = await w.Product("C", 30m);

        // Day 0: two paid orders; AS1 returned, stocked in and refunded to the customer balance (20 − fee 5 = 15);
        // AS5 pushed.
        var order1 = await w.ShippedOrder((a, 4), (b, 2));
        (await w.Pay(order1, 80m, "BankTransfer")).Ok();
        var order2 = await w.ShippedOrder((a, 2), (c, 5));
        (await w.Pay(order2, 170m, "BankTransfer")).Ok();
        var (as1, sr1) = await PushedAsync(w, order1, "Wrong size", (a, 2));
        (await w.StockIn(sr1, ("A", 2, "Good"))).Ok();
        (await w.CreateRefund(sr1, "CustomerBalance")).Ok();
        var (as5, sr5) = await PushedAsync(w, order2, "Damaged", (c, 2));

        // Day 1: AS5 stocked in (2 × 30); AS2 stocked in (1 × 30) and refunded by bank transfer; an hour later AS3 pushed.
        clock.Advance(TimeSpan.FromDays(1));
        (await w.StockIn(sr5, ("C", 2, "Good"))).Ok();
        var (_, sr2) = await PushedAsync(w, order2, "Damaged", (c, 1));
        (await w.StockIn(sr2, ("C", 1, "Good"))).Ok();
        var refund2 = (await w.CreateRefund(sr2, "BankTransfer")).Ok().Id;
        clock.Advance(TimeSpan.FromHours(1));
        var (as3, sr3) = await PushedAsync(w, order2, "Wrong size", (a, 1));

        // Day 2: AS4 only created; the bank transfer of AS2 (30 − 5 = 25) confirmed.
        clock.Advance(TimeSpan.FromDays(1));
        var as4 = (await w.Distributor.Post("/api/v1/after-sales-orders", new
        {
            distributionOrderId = order1,
            type = "ReturnAndRefund",
            reason = "Too small",
            lines = new[] { new { merchantSkuCode = b, quantity = 1 } },
        })).Ok().Id;
        (await w.Distributor.Post($"/api/v1/after-sales-refunds/{refund2}/confirm-receipt")).Ok();
        clock.Advance(TimeSpan.FromHours(1));
        var now = clock.GetUtcNow();

        await using var db = app.NewDbContext();
        var q = new DashboardQueries(db);
        var ct = CancellationToken.None;

        // ---- distributor ----
        var byStatus = await q.AfterSalesByStatusAsync(w.DistributorId, ct);
        Assert.Equal(new Dictionary<string, int>
        {
            ["ToConfirm"] = 1, ["ConfirmReturn"] = 1, ["ReceivedReturn"] = 1, ["RefundProcessing"] = 0, ["Completed"] = 2,
            ["Cancelled"] = 0,
        }, byStatus);

        var byReason = await q.AfterSalesByReasonAsync(w.DistributorId, ct);
        Assert.Equal([new("Damaged", 2), new("Wrong size", 2), new DashboardQueries.Count("Too small", 1)], byReason);

        var returned = await q.DistributorReturnedValuePerDayAsync(w.DistributorId, now, ct);
        Assert.Equal(30, returned.Count);
        Assert.Equal(new DateOnly(2026, 2, 11), returned[0].Day);
        Assert.Equal(new DateOnly(2026, 3, 12), returned[^1].Day);
        Assert.Equal([20m, 90m, 0m], returned.TakeLast(3).Select(d => d.Amount));
        Assert.All(returned.SkipLast(3), d => Assert.Equal(0m, d.Amount));

        var received = await q.RefundsReceivedPerDayAsync(w.DistributorId, now, ct);
        Assert.Equal([15m, 0m, 25m], received.TakeLast(3).Select(d => d.Amount));
        Assert.Equal(40m, received.Sum(d => d.Amount));

        var cards = await q.DistributorCardsAsync(w.DistributorId, now, ct);
        Assert.Equal(new DashboardQueries.DistributorCards(OpenAfterSales: 3, ToPush: 0, RefundsToConfirm: 0, RefundedThisMonth: 40m,
            Currency: "MYR"), cards);

        var waiting = await q.AfterSalesWaitingLongestAsync(w.DistributorId, now, ct);
        Assert.Equal([as5, as3, as4], waiting.Select(x => x.Id));
        Assert.Equal(["ReceivedReturn", "ConfirmReturn", "ToConfirm"], waiting.Select(x => x.Status));
        Assert.Equal(TimeSpan.FromHours(50), waiting[0].Age);
        Assert.Equal(TimeSpan.FromHours(25), waiting[1].Age);
        Assert.Equal(TimeSpan.FromHours(1), waiting[2].Age);
        Assert.DoesNotContain(as1, waiting.Select(x => x.Id));

        // ---- supplier ----
        var returnsByStatus = await q.SupplierReturnsByStatusAsync(w.SupplierId, ct);
        Assert.Equal(new Dictionary<string, int>
        {
            ["PendingStockIn"] = 1, ["ReceivedReturn"] = 1, ["RefundProcessing"] = 0, ["Completed"] = 2, ["Recalled"] = 0,
        }, returnsByStatus);

        Assert.Equal([20m, 90m, 0m], (await q.SupplierReturnedValuePerDayAsync(w.SupplierId, now, ct)).TakeLast(3).Select(d => d.Amount));
        Assert.Equal([15m, 0m, 25m], (await q.RefundsPaidPerDayAsync(w.SupplierId, now, ct)).TakeLast(3).Select(d => d.Amount));

        // A: 2 + 1 of 6 shipped; C: 2 + 1 of 5 shipped; B was shipped but nothing of it was pushed back.
        var rates = await q.ReturnRatePerSkuAsync(w.SupplierId, ct);
        Assert.Equal([new("C", 5, 3), new DashboardQueries.SkuReturnRate("A", 6, 3)], rates);
        Assert.Equal(0.6, rates[0].Rate, 6);

        Assert.Equal(new DashboardQueries.SupplierCards(PendingStockIn: 1, AwaitingRefund: 1, RefundsAwaitingConfirmation: 0,
            RefundedThisMonth: 40m, Currency: "MYR"), await q.SupplierCardsAsync(w.SupplierId, now, ct));

        // Waiting for a refund since stock-in (day 1, 10:00) beats waiting for stock-in since the push (day 1, 11:00); now is day 2, 12:00.
        var supplierWaiting = await q.SupplierWaitingLongestAsync(w.SupplierId, now, ct);
        Assert.Equal([sr5, sr3], supplierWaiting.Select(x => x.Id));
        Assert.Equal([TimeSpan.FromHours(26), TimeSpan.FromHours(25)], supplierWaiting.Select(x => x.Age));

        // Each side sees only its own: the supplier has no after-sales of its own, the distributor no returns pushed to it.
        Assert.All(await q.AfterSalesByStatusAsync(w.SupplierId, ct), kv => Assert.Equal(0, kv.Value));
        Assert.Empty(await q.ReturnRatePerSkuAsync(w.DistributorId, ct));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_account_has_empty_figures(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (_, accountId) = await World.SignUpAsync(app, "Empty");
        await using var db = app.NewDbContext();
        var q = new DashboardQueries(db);
        var now = DateTimeOffset.UtcNow;

        Assert.Empty(await q.AfterSalesByReasonAsync(accountId, CancellationToken.None));
        Assert.All(await q.RefundsReceivedPerDayAsync(accountId, now, CancellationToken.None), d => Assert.Equal(0m, d.Amount));
        Assert.Equal(0m, (await q.SupplierCardsAsync(accountId, now, CancellationToken.None)).RefundedThisMonth);
        Assert.Empty(await q.SupplierWaitingLongestAsync(accountId, now, CancellationToken.None));
    }

    /// <summary>An approved and pushed manual return with its reason; the after-sales and the supplier return ids.</summary>
    private static async Task<(string AfterSalesId, string SupplierReturnId)> PushedAsync(World w, string orderId, string reason,
        params (string MerchantSku, int Quantity)[] lines)
    {
        var afterSalesId = (await w.Distributor.Post("/api/v1/after-sales-orders", new
        {
            distributionOrderId = orderId,
            type = "ReturnAndRefund",
            reason,
            lines = lines.Select(l => new { merchantSkuCode = l.MerchantSku, quantity = l.Quantity }).ToArray(),
        })).Ok().Id;
        var approved = (await w.Approve(afterSalesId)).Ok();
        var pushed = (await w.Push(approved["distributionReturn"]["id"]!.GetValue<string>())).Ok();
        return (afterSalesId, pushed.Str("supplierReturnId"));
    }
}

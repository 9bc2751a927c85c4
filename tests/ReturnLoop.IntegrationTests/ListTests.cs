using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>api.md "Lists": cursor pagination, exact status filters and the counts of each status tab.</summary>
public sealed class ListTests
{
    private static readonly string[] AfterSalesStatuses = ["ToConfirm", "ConfirmReturn", "ReceivedReturn", "RefundProcessing", "Completed",
        "Cancelled"];
    private static readonly string[] ReturnStatuses = ["ToPush", "PushFailed", "Pushed", "Recalled", "RecallFailed", "Cancelled"];
    private static readonly string[] SupplierStatuses = ["PendingStockIn", "ReceivedReturn", "RefundProcessing", "Completed", "Recalled"];

    private static async Task AssertCounts(Api api, string url, Dictionary<string, int> expected, string[] statuses)
    {
        var counts = (await api.Get(url)).Ok();
        foreach (var status in statuses) Assert.True(counts.Count(status) == expected.GetValueOrDefault(status),
            $"{url}: {status} should be {expected.GetValueOrDefault(status)} in {counts.Json!.ToJsonString()}");
    }

    /// <summary>The counts under a filter are the list's items under the same filter, by status (every tab, 0 included).</summary>
    private static async Task AssertCountsMatchList(Api api, string list, string filter, string[] statuses)
    {
        var items = (await api.Get($"{list}?{filter}&limit=200")).Ok().Items;
        var byStatus = items.GroupBy(i => i.Str("status")).ToDictionary(g => g.Key, g => g.Count());
        await AssertCounts(api, $"{list}/counts?{filter}", byStatus, statuses);
    }

    /// <summary>Every status filter returns exactly the ids expected in it, and only items of that status.</summary>
    private static async Task AssertFilters(Api api, string url, Dictionary<string, string[]> expected, string[] statuses)
    {
        foreach (var status in statuses)
        {
            var items = (await api.Get($"{url}?status={status}")).Ok().Items;
            Assert.All(items, i => Assert.Equal(status, i.Str("status")));
            Assert.Equal(expected.GetValueOrDefault(status, []).Order(), items.Ids().Order());
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task After_sales_orders_page_by_cursor_filter_by_status_exactly_and_count_per_tab(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 7));
        var ids = new List<string>();
        for (var i = 0; i < 7; i++) ids.Add((await w.CreateAfterSales(orderId, "ReturnAndRefund", (sku, 1))).Ok().Id);

        var (paged, pages) = await w.Distributor.AllPages("/api/v1/after-sales-orders", limit: 3);
        Assert.Equal(3, pages);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Equal(ids.Order(), paged.Order());
        var exact = (await w.Distributor.Get("/api/v1/after-sales-orders?limit=7")).Ok();
        Assert.Equal(7, exact.Items.Count);
        Assert.Null(exact.NextCursor());
        Assert.Equal(ids.Order(), exact.Items.Ids().Order());

        (await w.Distributor.Get("/api/v1/after-sales-orders?limit=0")).Problem(HttpStatusCode.BadRequest, "validation.failed");
        (await w.Distributor.Get("/api/v1/after-sales-orders?limit=201")).Problem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(7, (await w.Distributor.Get("/api/v1/after-sales-orders?limit=200")).Ok().Items.Count);
        (await w.Distributor.Get("/api/v1/after-sales-orders?cursor=not-a-cursor")).Problem(HttpStatusCode.BadRequest, "validation.failed");
        (await w.Distributor.Get("/api/v1/after-sales-orders?status=Lost")).Problem(HttpStatusCode.BadRequest, "validation.failed");

        // 3 approved (one of them then cancelled), one cancelled while to confirm, 3 left to confirm.
        foreach (var id in ids.Take(3)) (await w.Approve(id)).Ok();
        (await w.Cancel(ids[0])).Ok();
        (await w.Cancel(ids[3])).Ok();
        await AssertFilters(w.Distributor, "/api/v1/after-sales-orders", new()
        {
            ["ToConfirm"] = [ids[4], ids[5], ids[6]],
            ["ConfirmReturn"] = [ids[1], ids[2]],
            ["Cancelled"] = [ids[0], ids[3]],
        }, AfterSalesStatuses);
        await AssertCounts(w.Distributor, "/api/v1/after-sales-orders/counts",
            new() { ["ToConfirm"] = 3, ["ConfirmReturn"] = 2, ["Cancelled"] = 2 }, AfterSalesStatuses);
        var (toConfirm, toConfirmPages) = await w.Distributor.AllPages("/api/v1/after-sales-orders?status=ToConfirm", limit: 2);
        Assert.Equal(2, toConfirmPages);
        Assert.Equal(new[] { ids[4], ids[5], ids[6] }.Order(), toConfirm.Order());

        // The other filters: supplier, shipping warehouse, source, type, search.
        var other = new string('e', 32);
        Assert.Equal(7, (await w.Distributor.Get($"/api/v1/after-sales-orders?supplierId={w.SupplierId}")).Ok().Items.Count);
        Assert.Empty((await w.Distributor.Get($"/api/v1/after-sales-orders?supplierId={other}")).Ok().Items);
        Assert.Equal(7, (await w.Distributor.Get($"/api/v1/after-sales-orders?warehouseId={w.OwnWarehouseId}")).Ok().Items.Count);
        Assert.Empty((await w.Distributor.Get($"/api/v1/after-sales-orders?warehouseId={w.ThirdPartyWarehouseId}")).Ok().Items);
        Assert.Equal(7, (await w.Distributor.Get("/api/v1/after-sales-orders?source=Manual&type=ReturnAndRefund")).Ok().Items.Count);
        Assert.Empty((await w.Distributor.Get("/api/v1/after-sales-orders?type=RefundOnly")).Ok().Items);
        Assert.Equal([ids[2]], (await w.Distributor.Get($"/api/v1/after-sales-orders?q={ids[2]}")).Ok().Items.Ids());
        await AssertCounts(w.Distributor, $"/api/v1/after-sales-orders/counts?supplierId={other}", [], AfterSalesStatuses);
        await AssertCounts(w.Distributor, "/api/v1/after-sales-orders/counts?type=ReturnAndRefund",
            new() { ["ToConfirm"] = 3, ["ConfirmReturn"] = 2, ["Cancelled"] = 2 }, AfterSalesStatuses);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Search_finds_an_order_by_each_of_its_numbers_and_only_among_the_sellers_own(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var orderId = await w.ShippedOrder((sku, 3));
        var orderNo = (await w.Distributor.Get($"/api/v1/distribution-orders/{orderId}")).Ok().Str("marketplaceOrderNo");
        var (afterSalesId, _, supplierReturnId) = await w.PushedReturn(orderId, (sku, 1));
        var otherOrderId = await w.ShippedOrder((sku, 1));
        await w.CreateAfterSales(otherOrderId, "ReturnAndRefund", (sku, 1));

        foreach (var term in new[] { afterSalesId, orderNo, orderId, $"  {orderNo} " })
        {
            var found = await w.Distributor.Get($"/api/v1/after-sales-orders?q={Uri.EscapeDataString(term)}");
            Assert.Equal([afterSalesId], found.Ok().Items.Ids());
        }
        Assert.Empty((await w.Distributor.Get("/api/v1/after-sales-orders?q=SO-none")).Ok().Items);
        Assert.Empty((await w.Distributor.Get($"/api/v1/after-sales-orders?q={afterSalesId}&status=ToConfirm")).Ok().Items);

        // The supplier's page searches its returns by the marketplace's number or any id the API shows.
        using var scope = w.App.Services.CreateScope();
        var query = new SupplierAfterSalesListQuery(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        async Task<List<string>> SupplierFinds(string supplierId, string term) =>
            await query.Where(supplierId, new SupplierAfterSalesListQuery.Filter(OrderNo: term)).Select(r => r.Id).ToListAsync();
        foreach (var term in new[] { orderNo, supplierReturnId, afterSalesId, orderId })
            Assert.Equal([supplierReturnId], await SupplierFinds(w.SupplierId, term));

        // Another seller's numbers find nothing, on either side.
        var stranger = await World.CreateAsync(w.App);
        foreach (var term in new[] { afterSalesId, orderNo, orderId })
            Assert.Empty((await stranger.Distributor.Get($"/api/v1/after-sales-orders?q={term}")).Ok().Items);
        foreach (var term in new[] { orderNo, supplierReturnId, afterSalesId, orderId })
            Assert.Empty(await SupplierFinds(stranger.SupplierId, term));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Return_lists_on_both_sides_filter_by_status_exactly_count_per_tab_and_page(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var red = await w.Product("TS-RED", 45.00m);
        await w.SkuWithId("CAP", 10.00m);
        var capId = await w.MerchantSkuWithId("M-CAP", ("CAP", 1));
        var orderId = await w.ShippedOrder((red, 10), ("M-CAP", 2));

        var (_, toPush) = await w.ApprovedReturn(orderId, (red, 1));
        var (_, pending, pendingSr) = await w.PushedReturn(orderId, (red, 1));
        var (recalledAs, recalled, recalledSr) = await w.PushedReturn(orderId, (red, 1));
        (await w.Cancel(recalledAs)).Ok();
        var (recallFailedAs, recallFailed, recallFailedSr) = await w.PushedReturn(orderId, (red, 1));
        (await w.StockIn(recallFailedSr, ("TS-RED", 1, "Good"))).Ok();
        (await w.Cancel(recallFailedAs)).Ok();
        var (cancelledAs, cancelled) = await w.ApprovedReturn(orderId, (red, 1));
        (await w.Cancel(cancelledAs)).Ok();
        var (processing, processingSr) = await Refunded(w, orderId, red, "BankTransfer");
        var (completed, completedSr) = await Refunded(w, orderId, red, "CustomerBalance");
        var (_, failed) = await w.ApprovedReturn(orderId, ("M-CAP", 1));
        (await w.Remap(capId)).Ok();
        (await w.Push(failed)).Problem(HttpStatusCode.UnprocessableEntity, "push.unmapped_sku");

        // Distributor: Return & Stock-in – Distribution.
        var returns = new Dictionary<string, string[]>
        {
            ["ToPush"] = [toPush],
            ["PushFailed"] = [failed],
            ["Pushed"] = [pending, processing, completed],
            ["Recalled"] = [recalled],
            ["RecallFailed"] = [recallFailed],
            ["Cancelled"] = [cancelled],
        };
        await AssertFilters(w.Distributor, "/api/v1/distribution-returns", returns, ReturnStatuses);
        await AssertCounts(w.Distributor, "/api/v1/distribution-returns/counts", returns.ToDictionary(r => r.Key, r => r.Value.Length),
            ReturnStatuses);
        await AssertCounts(w.Distributor, $"/api/v1/distribution-returns/counts?supplierId={new string('e', 32)}", [], ReturnStatuses);
        var (allReturns, returnPages) = await w.Distributor.AllPages("/api/v1/distribution-returns", limit: 2);
        Assert.Equal(4, returnPages);
        Assert.Equal(returns.Values.SelectMany(v => v).Order(), allReturns.Order());

        // Supplier: After Sales Orders – BigShop and Return & Stock-in – BigShop list the same supplier returns.
        var supplierReturns = new Dictionary<string, string[]>
        {
            ["PendingStockIn"] = [pendingSr],
            ["ReceivedReturn"] = [recallFailedSr],
            ["RefundProcessing"] = [processingSr],
            ["Completed"] = [completedSr],
            ["Recalled"] = [recalledSr],
        };
        foreach (var list in new[] { "/api/v1/supplier/after-sales-orders", "/api/v1/supplier/return-stock-ins" })
        {
            await AssertFilters(w.Supplier, list, supplierReturns, SupplierStatuses);
            await AssertCounts(w.Supplier, $"{list}/counts", supplierReturns.ToDictionary(r => r.Key, r => r.Value.Length),
                SupplierStatuses);
            await AssertCounts(w.Supplier, $"{list}/counts?distributorId={w.DistributorId}",
                supplierReturns.ToDictionary(r => r.Key, r => r.Value.Length), SupplierStatuses);
            await AssertCounts(w.Supplier, $"{list}/counts?distributorId={new string('e', 32)}", [], SupplierStatuses);
            var (all, pages) = await w.Supplier.AllPages(list, limit: 2);
            Assert.Equal(3, pages);
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.Equal(supplierReturns.Values.SelectMany(v => v).Order(), all.Order());
            var items = (await w.Supplier.Get($"{list}?distributorId={w.DistributorId}")).Ok().Items;
            Assert.Equal(5, items.Count);
            Assert.All(items, i => Assert.Equal("ReturnAndRefund", i.Str("returnType")));
            Assert.Empty((await w.Supplier.Get($"{list}?distributorId={new string('e', 32)}")).Ok().Items);
            Assert.Equal([recallFailedSr], (await w.Supplier.Get($"{list}?needsAttention=true")).Ok().Items.Ids());
            await AssertCounts(w.Supplier, $"{list}/counts?needsAttention=true", new() { ["ReceivedReturn"] = 1 }, SupplierStatuses);
            foreach (var filter in new[] { "needsAttention=false", $"needsAttention=true&distributorId={w.DistributorId}",
                         $"needsAttention=false&distributorId={w.DistributorId}" })
                await AssertCountsMatchList(w.Supplier, list, filter, SupplierStatuses);
        }
        foreach (var filter in new[] { "needsAttention=true", "needsAttention=false", $"needsAttention=true&supplierId={w.SupplierId}" })
            await AssertCountsMatchList(w.Distributor, "/api/v1/after-sales-orders", filter, AfterSalesStatuses);

        // Refund orders: each side's list by status.
        var awaiting = Assert.Single((await w.Supplier.Get("/api/v1/supplier/refund-orders?status=AwaitingConfirmation")).Ok().Items);
        Assert.Equal(processingSr, awaiting.Str("supplierReturnId"));
        var done = Assert.Single((await w.Supplier.Get("/api/v1/supplier/refund-orders?status=Completed")).Ok().Items);
        Assert.Equal(completedSr, done.Str("supplierReturnId"));
        string[] refundStatuses = ["AwaitingConfirmation", "NotReceived", "Completed", "Voided"];
        await AssertCounts(w.Distributor, "/api/v1/after-sales-refunds/counts", new() { ["AwaitingConfirmation"] = 1, ["Completed"] = 1 },
            refundStatuses);
        foreach (var method in new[] { "BankTransfer", "CustomerBalance" })
        {
            await AssertCountsMatchList(w.Supplier, "/api/v1/supplier/refund-orders", $"method={method}", refundStatuses);
            await AssertCountsMatchList(w.Supplier, "/api/v1/supplier/refund-orders", $"method={method}&distributorId={w.DistributorId}",
                refundStatuses);
        }
        Assert.Equal(2, (await w.Supplier.Get("/api/v1/supplier/refund-orders?method=BankTransfer")).Ok().Items.Count
            + (await w.Supplier.Get("/api/v1/supplier/refund-orders?method=CustomerBalance")).Ok().Items.Count);
    }

    /// <summary>A return of one unit, pushed, stocked in and refunded by the method; returns the distribution and supplier return
    /// ids.</summary>
    private static async Task<(string ReturnId, string SupplierReturnId)> Refunded(World w, string orderId, string sku, string method)
    {
        var (_, returnId, supplierReturnId) = await w.PushedReturn(orderId, (sku, 1));
        (await w.StockIn(supplierReturnId, ("TS-RED", 1, "Good"))).Ok();
        (await w.CreateRefund(supplierReturnId, method)).Ok();
        return (returnId, supplierReturnId);
    }
}

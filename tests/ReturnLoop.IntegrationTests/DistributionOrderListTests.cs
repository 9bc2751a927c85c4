using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Data;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Infrastructure;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The distribution orders list shows both directions. It reads each side on its own index and merges the pages (a large
/// supplier's orders are never sorted whole): an account that buys from one partner and sells to another must still
/// page through every order exactly once, newest first, and its tab counts must add both sides.
/// </summary>
public sealed class DistributionOrderListTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_account_that_buys_and_sells_pages_and_counts_the_orders_of_both_sides(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var bought = await w.Product("BUY-1", 10.00m);

        // The distributor also supplies a reseller of its own.
        var (reseller, resellerId) = await World.SignUpAsync(w.App, "Reseller");
        var partnership = (await reseller.Post("/api/v1/partnerships", new { supplierAccountId = w.DistributorId })).Ok().Id;
        (await w.Distributor.Post($"/api/v1/partnerships/{partnership}/accept")).Ok();
        var warehouse = (await w.Distributor.Post("/api/v1/warehouses", new { code = "MINE", name = "Mine", kind = "Own" })).Ok().Id;
        (await w.Distributor.Post("/api/v1/skus",
            new { code = "SELL-1", name = "SELL-1", costPrice = 1m, distributionPrice = 20.00m })).Ok();
        (await w.Distributor.Post("/api/v1/inventory/adjustments",
            new { warehouseId = warehouse, skuCode = "SELL-1", quantity = 100, reason = "opening" })).Ok();
        (await reseller.Post("/api/v1/merchant-skus", new
        {
            code = "R-SELL-1",
            name = "R-SELL-1",
            supplierAccountId = w.DistributorId,
            components = new[] { new { supplierSkuCode = "SELL-1", quantity = 1 } },
        })).Ok();

        // Interleaved in time: bought, sold, bought, sold, … so every page mixes both sides.
        var expected = new List<string>();
        var shippedSold = 0;
        for (var i = 0; i < 5; i++)
        {
            expected.Add(await w.ShippedOrder((bought, 1)));
            var sold = (await reseller.Post("/api/v1/distribution-orders", new
            {
                supplierAccountId = w.DistributorId,
                warehouseId = warehouse,
                platform = "Shopee",
                shopId = "reseller-shop",
                marketplaceOrderNo = $"RS-{Guid.NewGuid():N}",
                lines = new[] { new { merchantSkuCode = "R-SELL-1", quantity = 1 } },
            })).Ok().Id;
            if (i % 2 == 0)
            {
                (await w.Distributor.Post($"/api/v1/distribution-orders/{sold}/ship", new { })).Ok();
                shippedSold++;
            }
            expected.Add(sold);
        }

        var (ids, pages) = await w.Distributor.AllPages("/api/v1/distribution-orders", limit: 3);
        Assert.Equal(expected.AsEnumerable().Reverse(), ids);
        Assert.Equal(4, pages);

        var counts = (await w.Distributor.Get("/api/v1/distribution-orders/counts")).Ok();
        Assert.Equal(5 + shippedSold, counts.Count("Shipped"));
        Assert.Equal(5 - shippedSold, counts.Count("Created"));
        Assert.Equal(0, counts.Count("Cancelled"));

        // The partner filters keep to one side each.
        var asBuyer = (await w.Distributor.Get($"/api/v1/distribution-orders/counts?supplierId={w.SupplierId}")).Ok();
        Assert.Equal(5, asBuyer.Count("Shipped"));
        Assert.Equal(0, asBuyer.Count("Created"));
        var created = (await w.Distributor.Get($"/api/v1/distribution-orders?status=Created&distributorId={resellerId}")).Ok().Items;
        Assert.Equal(5 - shippedSold, created.Count);

        // The web page's counts (kept counts, the partner on either side) agree with its rows counted one by one.
        using var scope = w.App.Services.CreateScope();
        var page = new DistributionOrderListQuery(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        foreach (var partner in new string?[] { null, w.SupplierId, resellerId, w.DistributorId })
        {
            var filter = new DistributionOrderListQuery.Filter(PartnerId: partner);
            var rows = await page.Where(w.DistributorId, filter).CountByStatusAsync(o => o.Status, default);
            Assert.Equal(rows, await page.CountsAsync(w.DistributorId, filter, default));
        }
        var all = await page.CountsAsync(w.DistributorId, new DistributionOrderListQuery.Filter(), default);
        Assert.Equal((5 + shippedSold, 5 - shippedSold), (all["Shipped"], all["Created"]));
    }
}

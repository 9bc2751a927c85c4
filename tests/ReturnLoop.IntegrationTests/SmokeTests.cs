using System.Net;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

public sealed class SmokeTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_pushed_return_reaches_the_supplier(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var sku = await w.Product("TS-RED", 45.00m);
        var order = await w.ShippedOrder((sku, 3));
        var (_, _, supplierReturnId) = await w.PushedReturn(order, (sku, 2));

        var pending = (await w.Supplier.Get("/api/v1/supplier/return-stock-ins?status=PendingStockIn")).Ok();
        Assert.NotNull(World.Find(pending.Items, supplierReturnId));
        (await w.Distributor.Get($"/api/v1/supplier/return-stock-ins/{supplierReturnId}")).Problem(HttpStatusCode.NotFound, "not_found");
    }
}

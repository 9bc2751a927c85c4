using Bunit;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.ReturnStockIns.Pages;

namespace ReturnLoop.Tests;

/// <summary>The seller's own stock-in dialog (regular after-sales), rendered without a database (bUnit).</summary>
public sealed class OwnStockInDialogTests : PageTestContext
{
    [Fact]
    public void Stock_in_offers_every_open_warehouse_of_the_seller_third_party_included()
    {
        var own = A.OwnWarehouse();
        var thirdParty = A.ThirdPartyWarehouse();
        var closed = Warehouse.Create(A.Supplier, "OLD", "Old", WarehouseKind.Own, A.PartnershipStart);
        closed.Close(A.Now);
        var dialog = Render<OwnStockInDialog>(p => p
            .Add(x => x.Lines, new[] { new OwnStockInDialog.Expected("TEE", 2) })
            .Add(x => x.Warehouses, new[] { own, thirdParty, closed }));

        var offered = dialog.FindAll("[data-testid=warehouse] option").Select(o => o.GetAttribute("value")).Where(v => v != "");

        Assert.Equal([own.Id, thirdParty.Id], offered);
    }

    [Fact]
    public void Stock_in_into_a_3pl_warehouse_sends_a_good_and_a_damaged_line_when_a_sku_is_split()
    {
        StockInReturnStockIn.Request? sent = null;
        var thirdParty = A.ThirdPartyWarehouse();
        var dialog = Render<OwnStockInDialog>(p => p
            .Add(x => x.Lines, new[] { new OwnStockInDialog.Expected("TEE", 3) })
            .Add(x => x.Warehouses, new[] { thirdParty })
            .Add(x => x.Submit, r => { sent = r; return Task.CompletedTask; }));

        dialog.Find("[data-testid=split]").Click();
        dialog.FindAll("[data-testid=quantity]")[0].Input("2");
        dialog.FindAll("[data-testid=quantity]")[1].Input("1");
        dialog.Find("[data-testid=confirm-stock-in]").Click();

        Assert.NotNull(sent);
        Assert.Equal(thirdParty.Id, sent.WarehouseId);
        Assert.Equal(
            [
                new StockInReturnStockIn.Line("TEE", 2, ItemCondition.Good),
                new StockInReturnStockIn.Line("TEE", 1, ItemCondition.Damaged),
            ],
            sent.Lines);
    }
}

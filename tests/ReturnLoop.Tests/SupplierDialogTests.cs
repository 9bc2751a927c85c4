using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ReturnLoop.Features.Refunds.Pages;
using ReturnLoop.Features.SupplierReturns.Pages;

namespace ReturnLoop.Tests;

/// <summary>The supplier's dialogs rendered from plain figures, without a database (bUnit): domain.md's worked examples.</summary>
public sealed class SupplierDialogTests : PageTestContext
{
    private IRenderedComponent<CreateRefundDialog> RefundDialog(decimal returnAmount, decimal unsettled, decimal fee, string currency) =>
        Render<CreateRefundDialog>(p => p
            .Add(x => x.ReturnAmount, returnAmount)
            .Add(x => x.Unsettled, unsettled)
            .Add(x => x.ReturnHandlingFee, fee)
            .Add(x => x.Currency, currency));

    private static string Refundable(IRenderedComponent<CreateRefundDialog> dialog) =>
        dialog.Find("[data-testid=refundable] .rl-money").TextContent;

    [Fact]
    public void Refundable_amount_deducts_unsettled_exchange_and_fee()
    {
        var dialog = RefundDialog(returnAmount: 90.00m, unsettled: 35.00m, fee: 2.00m, "MYR");

        Assert.Equal("MYR 90.00", dialog.Find("[data-testid=return-amount] .rl-money").TextContent);
        Assert.Equal("MYR 2.00", dialog.Find("[data-testid=handling-fee] .rl-money").TextContent);
        Assert.Equal("MYR 35.00", dialog.Find("[data-testid=unsettled] .rl-money").TextContent);
        Assert.Equal("MYR 53.00", Refundable(dialog));
    }

    [Fact]
    public void Refundable_amount_is_recomputed_as_the_exchange_amount_is_typed()
    {
        var dialog = RefundDialog(returnAmount: 90.00m, unsettled: 35.00m, fee: 2.00m, "MYR");

        dialog.Find("[data-testid=exchange]").Input("20.00");

        Assert.Equal("MYR 33.00", Refundable(dialog));
    }

    [Fact]
    public void Refundable_amount_is_never_below_zero() =>
        Assert.Equal("MYR 0.00", Refundable(RefundDialog(returnAmount: 20.00m, unsettled: 35.00m, fee: 2.00m, "MYR")));

    [Fact]
    public void IDR_refundable_amount_is_shown_without_decimals() =>
        Assert.Equal("IDR 120,000", Refundable(RefundDialog(returnAmount: 125000m, unsettled: 0m, fee: 5000m, "IDR")));

    [Fact]
    public void Bank_transfer_asks_for_the_bank_details()
    {
        var dialog = RefundDialog(returnAmount: 90.00m, unsettled: 0m, fee: 0m, "MYR");
        Assert.Empty(dialog.FindAll("[data-testid=bank-name]"));

        dialog.Find("[data-testid=method-bank]").Change(true);

        Assert.Single(dialog.FindAll("[data-testid=bank-name]"));
        Assert.Single(dialog.FindAll("[data-testid=bank-account-name]"));
        Assert.Single(dialog.FindAll("[data-testid=bank-account-number]"));
    }

    [Fact]
    public void Stock_in_offers_only_the_supplier_own_warehouses()
    {
        var own = A.OwnWarehouse();
        var thirdParty = A.ThirdPartyWarehouse();
        var dialog = Render<StockInDialog>(p => p
            .Add(x => x.Lines, new[] { new StockInDialog.Expected("TS-RED", 2) })
            .Add(x => x.Warehouses, new[] { own, thirdParty }));

        var offered = dialog.FindAll("[data-testid=warehouse] option").Select(o => o.GetAttribute("value")).Where(v => v != "");

        Assert.Equal([own.Id], offered);
    }

    [Fact]
    public void Stock_in_sends_a_good_and_a_damaged_line_when_a_sku_is_split()
    {
        StockInSupplierReturn.Request? sent = null;
        var own = A.OwnWarehouse();
        var dialog = Render<StockInDialog>(p => p
            .Add(x => x.Lines, new[] { new StockInDialog.Expected("TS-RED", 3) })
            .Add(x => x.Warehouses, new[] { own })
            .Add(x => x.Submit, r => { sent = r; return Task.CompletedTask; }));

        dialog.Find("[data-testid=split]").Click();
        var quantities = dialog.FindAll("[data-testid=quantity]");
        quantities[0].Input("2");
        dialog.FindAll("[data-testid=quantity]")[1].Input("1");
        dialog.Find("[data-testid=confirm-stock-in]").Click();

        Assert.NotNull(sent);
        Assert.Equal(own.Id, sent.WarehouseId);
        Assert.Equal(
            [
                new StockInSupplierReturn.Line("TS-RED", 2, ItemCondition.Good),
                new StockInSupplierReturn.Line("TS-RED", 1, ItemCondition.Damaged),
            ],
            sent.Lines);
    }
}

using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using ReturnLoop.Client;
using ReturnLoop.Client.Api.V1;
using ReturnLoop.Client.Models;
using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// The README's walk of the whole loop, through the client Kiota generates from openapi/v1.json. When the document
/// lies (one schema for every request, a wrong type, a missing answer), this does not compile or fails.
/// </summary>
public sealed class GeneratedClientTests
{
    private static ReturnLoopApiClient Client(AppFactory app, string? apiKey = null)
    {
        var http = app.CreateClient();
        if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new ReturnLoopApiClient(adapter);
    }

    private static async Task<(ReturnLoopApiClient Client, string AccountId)> SignUpAsync(AppFactory app, string name)
    {
        var signedUp = await Client(app).Api.V1.Accounts.PostAsync(new SignUpRequest
        {
            Name = name,
            Currency = "MYR",
            UserEmail = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}@example.com",
            Password = "correct horse battery",
        });
        return (Client(app, signedUp!.ApiKey), signedUp.Account!.Id!);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_generated_client_walks_the_whole_loop_with_both_refund_methods(DatabaseProvider provider)
    {
        var app = AppFactory.For(provider);
        var (supplierClient, supplierId) = await SignUpAsync(app, "BigShop Supplies");
        var (distributorClient, _) = await SignUpAsync(app, "Kedai Ali Online");
        var (supplier, distributor) = (supplierClient.Api.V1, distributorClient.Api.V1);

        var partnership = await distributor.Partnerships.PostAsync(new ApplyForPartnershipRequest { SupplierAccountId = supplierId });
        Assert.Equal(PartnershipStatus.Active, (await supplier.Partnerships[partnership!.Id!].Accept.PostAsync())!.Status);

        var warehouse = (await supplier.Warehouses.PostAsync(new CreateWarehouseRequest
        {
            Code = "KL-1", Name = "Kuala Lumpur", Kind = WarehouseKind.Own,
        }))!.Id!;
        var thirdParty = (await supplier.Warehouses.PostAsync(new CreateWarehouseRequest
        {
            Code = "3PL", Name = "Third party", Kind = WarehouseKind.ThirdParty,
        }))!.Id!;
        await supplier.Supplier.ChargeSettings.PutAsync(new UpdateChargeSettingsRequest
        {
            DistributionFee = 3.00m, ReturnHandlingFee = 2.00m,
        });
        await supplier.Skus.PostAsync(new CreateSupplierSkuRequest
        {
            Code = "TS-RED-M", Name = "Tee red M", CostPrice = 20.00m, DistributionPrice = 45.00m,
        });
        var stock = await supplier.Inventory.Adjustments.PostAsync(new AdjustStockRequest
        {
            WarehouseId = warehouse, SkuCode = "TS-RED-M", Quantity = 10, Reason = "opening stock",
        });
        Assert.Equal(10, stock!.Stock!.OnHand);
        await distributor.MerchantSkus.PostAsync(new CreateMerchantSkuRequest
        {
            Code = "SHP-TS-RED-M", Name = "Tee red M", SupplierAccountId = supplierId,
            Components = [new ComponentRequest { SupplierSkuCode = "TS-RED-M", Quantity = 1 }],
        });

        // 1. The order, shipped at 3 × 45.00 + 3.00, paid 100.00: 38.00 stays unsettled.
        var order = (await distributor.DistributionOrders.PostAsync(new CreateDistributionOrderRequest
        {
            SupplierAccountId = supplierId, WarehouseId = warehouse, Platform = Platform.Shopee, ShopId = "shopee-my-01",
            MarketplaceOrderNo = $"SO-{Guid.NewGuid():N}",
            Lines = [new CreateDistributionOrderLine { MerchantSkuCode = "SHP-TS-RED-M", Quantity = 3 }],
        }))!.Id!;
        var shipped = await supplier.DistributionOrders[order].Ship.PostAsync(new ShipDistributionOrderRequest());
        Assert.Equal(138.00m, shipped!.StockOutAmount);
        Assert.Equal(45.00m, Assert.Single(shipped.Lines!).UnitPriceAtShipment);
        var paid = await supplier.DistributionOrders[order].Payments.PostAsync(new RecordPaymentRequest
        {
            Amount = 100.00m, Method = PaymentMethod.BankTransfer,
        });
        Assert.Equal(38.00m, paid!.Order!.UnsettledAmount);

        // 2. Two tees come back: approved, pushed.
        var (afterSales, supplierReturn) = await ReturnAsync(distributor, order, quantity: 2, "Wrong size");
        Assert.Equal(88.00m, (await supplier.Supplier.AfterSalesOrders[supplierReturn].GetAsync())!.EstimatedRefundAmount);

        // 3. Never into a third-party warehouse; into the own one, one good and one damaged.
        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => supplier.Supplier.ReturnStockIns[supplierReturn].StockIn
            .PostAsync(StockIn(thirdParty, ("TS-RED-M", 2, ItemCondition.Good))));
        Assert.Equal(422, refused.ResponseStatusCode);
        Assert.Equal("stock_in.third_party_warehouse", refused.Code);
        var stockedIn = await supplier.Supplier.ReturnStockIns[supplierReturn].StockIn
            .PostAsync(StockIn(warehouse, ("TS-RED-M", 1, ItemCondition.Good), ("TS-RED-M", 1, ItemCondition.Damaged)));
        Assert.Equal(SupplierReturnStatus.ReceivedReturn, stockedIn!.Status);
        var levels = await supplier.Inventory.GetAsync(r =>
        {
            r.QueryParameters.WarehouseId = warehouse;
            r.QueryParameters.SkuCode = "TS-RED-M";
        });
        Assert.Equal((8, 1), (levels!.Items![0].OnHand, levels.Items[0].Damaged));

        // 4a. To the customer balance: 90.00 − 38.00 unsettled − 2.00 handling fee = 50.00, completed at once.
        var toBalance = await supplier.Supplier.ReturnStockIns[supplierReturn].RefundOrders.PostAsync(new CreateRefundOrderRequest
        {
            ExchangeAmount = 0m, Method = RefundMethod.CustomerBalance,
        });
        Assert.Equal((90.00m, 38.00m, 2.00m, 50.00m),
            (toBalance!.ReturnAmount, toBalance.UnsettledAmount, toBalance.ReturnHandlingFee, toBalance.RefundableAmount));
        Assert.Equal(RefundStatus.Completed, toBalance.Status);
        Assert.Equal(50.00m, Assert.Single((await distributor.Balances.GetAsync())!.Items!).Balance);
        Assert.Equal(AfterSalesStatus.Completed, (await distributor.AfterSalesOrders[afterSales].GetAsync())!.Status);
        Assert.Equal(0m, (await supplier.DistributionOrders[order].GetAsync())!.UnsettledAmount);

        // 4b. The last tee, refunded by bank transfer with a payment proof the distributor confirms.
        var (afterSales2, supplierReturn2) = await ReturnAsync(distributor, order, quantity: 1, "Stain");
        await supplier.Supplier.ReturnStockIns[supplierReturn2].StockIn.PostAsync(StockIn(warehouse, ("TS-RED-M", 1, ItemCondition.Good)));
        var byTransfer = await supplier.Supplier.ReturnStockIns[supplierReturn2].RefundOrders.PostAsync(new CreateRefundOrderRequest
        {
            ExchangeAmount = 0m, Method = RefundMethod.BankTransfer,
            BankAccount = new BankAccountRequest
            {
                BankName = "Maybank", AccountName = "Kedai Ali Online Sdn Bhd", AccountNumber = "5140 1234 5678",
            },
        });
        Assert.Equal(43.00m, byTransfer!.RefundableAmount);   // 45.00 − 2.00: the order is settled now
        var proof = "%PDF-1.4\n% transfer receipt\n"u8.ToArray();
        var body = new MultipartBody();
        body.AddOrReplacePart("file", "application/pdf", new MemoryStream(proof), "proof.pdf");
        var uploaded = await supplier.Supplier.RefundOrders[byTransfer.Id!].PaymentProof.PostAsync(body);
        Assert.Equal((RefundStatus.AwaitingConfirmation, true), (uploaded!.Status, uploaded.HasPaymentProof));

        var awaiting = await distributor.AfterSalesRefunds.GetAsync(r => r.QueryParameters.Status = RefundStatus.AwaitingConfirmation);
        Assert.Equal(43.00m, Assert.Single(awaiting!.Items!).RefundableAmount);
        await using (var received = await distributor.AfterSalesRefunds[byTransfer.Id!].PaymentProof.GetAsync())
        {
            using var copy = new MemoryStream();
            await received!.CopyToAsync(copy);
            Assert.Equal(proof, copy.ToArray());
        }
        var confirmed = await distributor.AfterSalesRefunds[byTransfer.Id!].ConfirmReceipt.PostAsync();
        Assert.Equal(RefundStatus.Completed, confirmed!.Status);
        Assert.Equal(AfterSalesStatus.Completed, (await distributor.AfterSalesOrders[afterSales2].GetAsync())!.Status);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_missing_required_field_is_a_validation_problem_with_errors_per_field(DatabaseProvider provider)
    {
        var (distributor, _) = await SignUpAsync(AppFactory.For(provider), "Kedai");

        var problem = await Assert.ThrowsAsync<ProblemDetails>(
            () => distributor.Api.V1.AfterSalesOrders.PostAsync(new CreateAfterSalesOrderRequest()));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal("validation.failed", problem.Code);
        Assert.Contains("distributionOrderId", problem.Errors!.AdditionalData.Keys);
    }

    /// <summary>A ReturnAndRefund after-sales order, approved and pushed: its id and the supplier return's.</summary>
    private static async Task<(string AfterSales, string SupplierReturn)> ReturnAsync(
        V1RequestBuilder distributor, string order, int quantity, string reason)
    {
        var created = await distributor.AfterSalesOrders.PostAsync(new CreateAfterSalesOrderRequest
        {
            DistributionOrderId = order, Type = AfterSalesType.ReturnAndRefund, Reason = reason,
            Lines = [new CreateAfterSalesOrderLine { MerchantSkuCode = "SHP-TS-RED-M", Quantity = quantity }],
        });
        Assert.Equal(AfterSalesStatus.ToConfirm, created!.Status);
        var approved = await distributor.AfterSalesOrders[created.Id!].Approve.PostAsync();
        Assert.Equal(DistributionReturnStatus.ToPush, approved!.DistributionReturn!.Status);
        var pushed = await distributor.DistributionReturns[approved.DistributionReturn.Id!].Push.PostAsync();
        Assert.Equal(DistributionReturnStatus.Pushed, pushed!.Status);
        return (created.Id!, pushed.SupplierReturnId!);
    }

    private static StockInSupplierReturnRequest StockIn(string warehouse, params (string Sku, int Count, ItemCondition How)[] lines) =>
        new()
        {
            WarehouseId = warehouse,
            Lines = lines.Select(l => new StockInSupplierReturnLine
            {
                SupplierSkuCode = l.Sku, Quantity = l.Count, Condition = l.How,
            }).ToList(),
        };
}

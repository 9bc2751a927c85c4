using Microsoft.Playwright;
using static ReturnLoop.BrowserTests.PageSteps;
using static ReturnLoop.BrowserTests.WholeLoopTests;

namespace ReturnLoop.BrowserTests;

/// <summary>The money pages in a real browser: Customer Balance on both sides, manual credit, void.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_customer_balance_refund_moves_the_distributor_balance_on_its_open_balances_page()
    {
        var two = await TwoSides.CreateAsync(app);
        var orderNo = await two.PushedReturnAsync();
        var distributor = await app.NewPageAsync();
        var supplier = await app.NewPageAsync();
        await app.LogInAsync(distributor, two.DistributorEmail);
        await app.LogInAsync(supplier, two.SupplierEmail);

        await distributor.GotoAsync("/balances");
        await InteractiveAsync(distributor);
        var balance = Row(distributor, "Toko Grosir Supplier").GetByTestId("balance");
        await Expect(balance).ToHaveTextAsync("MYR 0.00");

        await supplier.GotoAsync("/supplier/return-stock-ins");
        await InteractiveAsync(supplier);
        await Row(supplier, orderNo).GetByTestId("stock-in").ClickAsync();
        var stockIn = supplier.GetByTestId("stock-in-dialog");
        await stockIn.GetByTestId("warehouse").SelectOptionAsync(new SelectOptionValue { Label = "KL – Kuala Lumpur DC" });
        await stockIn.GetByTestId("confirm-stock-in").ClickAsync();
        await supplier.Locator("[role=tab][data-status=ReceivedReturn]").ClickAsync();
        await Row(supplier, orderNo).GetByTestId("create-refund").ClickAsync();
        var refund = supplier.GetByTestId("refund-dialog");
        await refund.GetByTestId("exchange").FillAsync("5");
        await Expect(refund.GetByTestId("refundable")).ToHaveTextAsync("MYR 40.00");
        await refund.GetByTestId("confirm-refund").ClickAsync();   // Customer Balance is the default method

        await Expect(balance).ToHaveTextAsync("MYR 40.00");   // without a reload
        await Row(distributor, "Toko Grosir Supplier").GetByTestId("ledger").ClickAsync();
        await InteractiveAsync(distributor);
        await Expect(distributor.GetByTestId("entry-type")).ToHaveAttributeAsync("data-type", "RefundCredit");
        await Expect(distributor.GetByTestId("entry-amount")).ToHaveTextAsync("+MYR 40.00");
        await Expect(distributor.GetByTestId("entry-balance")).ToHaveTextAsync("MYR 40.00");
        await Expect(distributor.GetByTestId("entry-reference")).Not.ToBeEmptyAsync();

        await distributor.GotoAsync("/after-sales-refunds");
        await InteractiveAsync(distributor);
        await Expect(Count(distributor, "Completed")).ToHaveTextAsync("1");
        await distributor.Locator("[role=tab][data-status=Completed]").ClickAsync();
        var row = Row(distributor, orderNo);
        await Expect(row.GetByTestId("method")).ToHaveAttributeAsync("data-method", "CustomerBalance");
        await Expect(row.GetByTestId("refundable")).ToHaveTextAsync("MYR 40.00");
        await Expect(row.GetByTestId("confirm-receipt")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_manual_credit_from_the_supplier_page_appears_on_the_distributor_balances_page()
    {
        var two = await TwoSides.CreateAsync(app);
        var distributor = await app.NewPageAsync();
        var supplier = await app.NewPageAsync();
        await app.LogInAsync(distributor, two.DistributorEmail);
        await app.LogInAsync(supplier, two.SupplierEmail);
        await distributor.GotoAsync("/balances");
        await InteractiveAsync(distributor);
        await Expect(Row(distributor, "Toko Grosir Supplier").GetByTestId("balance")).ToHaveTextAsync("MYR 0.00");

        await supplier.GotoAsync("/supplier/customer-balances");
        await InteractiveAsync(supplier);
        await Row(supplier, "Kedai Ali Online").GetByTestId("add-credit").ClickAsync();
        await supplier.GetByTestId("credit-amount").FillAsync("0");
        await supplier.GetByTestId("credit-amount").PressAsync("Enter");   // Enter submits
        await Expect(supplier.Locator("[data-field=amount]")).ToHaveTextAsync("Must be above 0.");   // beside its field
        await supplier.GetByTestId("credit-amount").FillAsync("30");
        await supplier.GetByTestId("credit-note").FillAsync("Damaged carton, goodwill");
        await supplier.GetByTestId("confirm-credit").ClickAsync();
        await Expect(Row(supplier, "Kedai Ali Online").GetByTestId("balance")).ToHaveTextAsync("MYR 30.00");

        await Expect(Row(distributor, "Toko Grosir Supplier").GetByTestId("balance")).ToHaveTextAsync("MYR 30.00");   // live
        await Row(distributor, "Toko Grosir Supplier").GetByTestId("ledger").ClickAsync();
        await InteractiveAsync(distributor);
        await Expect(distributor.GetByTestId("entry-type")).ToHaveAttributeAsync("data-type", "ManualCredit");
        await Expect(distributor.GetByTestId("entry-note")).ToHaveTextAsync("Damaged carton, goodwill");
        await Expect(distributor.GetByTestId("entry-amount")).ToHaveTextAsync("+MYR 30.00");
    }

    /// <summary>
    /// A list reloads live when anything of the account changes, and the grid keys its rows by their item: a reload must
    /// give the same refund an equal row, so that its row stays the same element (updated in place) and a file being
    /// chosen in it, or a click on it, is not lost to the reload.
    /// </summary>
    [Fact]
    public async Task A_live_reload_keeps_each_row_in_place()
    {
        var two = await TwoSides.CreateAsync(app);
        var orderNo = await two.BankRefundAsync();
        var supplier = await app.NewPageAsync();
        await app.LogInAsync(supplier, two.SupplierEmail);
        await supplier.GotoAsync("/supplier/refund-orders");
        await InteractiveAsync(supplier);
        await Expect(Count(supplier, "AwaitingConfirmation")).ToHaveTextAsync("1");
        var row = await Row(supplier, orderNo).ElementHandleAsync();
        var input = await Row(supplier, orderNo).Locator("input[type=file]").ElementHandleAsync();

        // Another refund, made elsewhere, completed at once: the open page reloads (its counts and its rows).
        await two.CustomerBalanceRefundAsync();
        await Expect(Count(supplier, "Completed")).ToHaveTextAsync("1");

        Assert.True(await row.EvaluateAsync<bool>("e => e.isConnected"));
        Assert.True(await input.EvaluateAsync<bool>("e => e.isConnected"));
    }

    [Fact]
    public async Task Void_asks_for_confirmation_first_and_a_proof_that_is_no_image_or_PDF_is_refused()
    {
        var two = await TwoSides.CreateAsync(app);
        var orderNo = await two.BankRefundAsync();
        var supplier = await app.NewPageAsync();
        await app.LogInAsync(supplier, two.SupplierEmail);

        await supplier.GotoAsync("/supplier/refund-orders");
        await InteractiveAsync(supplier);
        await Expect(Count(supplier, "AwaitingConfirmation")).ToHaveTextAsync("1");
        var row = Row(supplier, orderNo);
        await supplier.GetByTestId("method-filter").SelectOptionAsync("CustomerBalance");
        await Expect(Count(supplier, "AwaitingConfirmation")).ToHaveTextAsync("0");
        await supplier.GetByTestId("method-filter").SelectOptionAsync("BankTransfer");
        await Expect(Count(supplier, "AwaitingConfirmation")).ToHaveTextAsync("1");

        await row.Locator("input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "slip.txt", MimeType = "text/plain", Buffer = "not a picture"u8.ToArray() });
        await Expect(supplier.GetByText("A payment proof is a PNG, a JPEG or a PDF file.")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("view-proof")).ToHaveCountAsync(0);

        await row.GetByTestId("void").ClickAsync();
        await Expect(supplier.GetByTestId("ask-text")).ToContainTextAsync("MYR 45.00");
        await supplier.GetByTestId("ask-keep").ClickAsync();   // changed its mind: nothing happens
        await Expect(supplier.GetByTestId("ask-text")).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("refund-status")).ToHaveAttributeAsync("data-status", "AwaitingConfirmation");

        await row.GetByTestId("void").ClickAsync();
        await supplier.GetByTestId("ask-confirm").ClickAsync();
        await Expect(Count(supplier, "Voided")).ToHaveTextAsync("1");
        await Expect(Count(supplier, "AwaitingConfirmation")).ToHaveTextAsync("0");

        // the return can be refunded anew from Return & Stock-in – BigShop
        await supplier.GotoAsync("/supplier/return-stock-ins");
        await InteractiveAsync(supplier);
        await Expect(Count(supplier, "ReceivedReturn")).ToHaveTextAsync("1");
    }
}

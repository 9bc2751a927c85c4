using System.Globalization;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ReturnLoop.Data;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Balances.Pages;
using ReturnLoop.Features.Refunds.Pages;
using ReturnLoop.Features.SupplierReturns.Pages;

namespace ReturnLoop.Tests;

/// <summary>
/// The money forms rendered without a browser (bUnit), submitting to the real use cases over an in-memory SQLite
/// database: the use case's validation errors come back beside their fields.
/// </summary>
public sealed class MoneyPageTests : PageTestContext
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly AppDbContext _db;

    public MoneyPageTests()
    {
        _connection.Open();
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
    }

    protected override void Dispose(bool disposing)
    {
        _db.Dispose();
        _connection.Dispose();
        base.Dispose(disposing);
    }

    private async Task<Account> AccountAsync(string name, string currency = "MYR")
    {
        var account = Account.Create(name, currency, A.Now);
        _db.Accounts.Add(account);
        await _db.SaveChangesAsync();
        return account;
    }

    private IRenderedComponent<ChargeSettingsForm> ChargeSettings(Account supplier) =>
        Render<ChargeSettingsForm>(p => p
            .Add(x => x.DistributionFee, 3m)
            .Add(x => x.ReturnHandlingFee, 2m)
            .Add(x => x.Currency, supplier.Currency)
            .Add(x => x.Submit, r => new UpdateChargeSettings(_db).HandleAsync(supplier.Id, r, default)));

    [Fact]
    public async Task Charge_settings_show_the_use_case_validation_error_beside_the_field()
    {
        var supplier = await AccountAsync("Toko Grosir");
        var form = ChargeSettings(supplier);
        Assert.Equal("3.00", form.Find("[data-testid=distribution-fee]").GetAttribute("value"));

        form.Find("[data-testid=distribution-fee]").Input("-1");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() =>
            Assert.Equal("Must not be negative.", form.Find("[data-field=distributionFee]").TextContent));
        Assert.Empty(form.FindAll("[data-field=returnHandlingFee]"));
        Assert.Equal(0m, (await _db.Accounts.AsNoTracking().SingleAsync(a => a.Id == supplier.Id)).DistributionFee);   // not saved
    }

    [Fact]
    public async Task Charge_settings_refuse_decimals_IDR_does_not_have_and_save_a_valid_change()
    {
        var supplier = await AccountAsync("Toko Grosir", "IDR");
        var form = ChargeSettings(supplier);

        form.Find("[data-testid=return-handling-fee]").Input("2500.5");
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() =>
            Assert.Equal("IDR amounts have at most 0 decimal places.", form.Find("[data-field=returnHandlingFee]").TextContent));

        form.Find("[data-testid=return-handling-fee]").Input("2500");
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Empty(form.FindAll(".rl-field-error")));
        var saved = await _db.Accounts.AsNoTracking().SingleAsync(a => a.Id == supplier.Id);
        Assert.Equal((3m, 2500m), (saved.DistributionFee, saved.ReturnHandlingFee));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Manual_credit_refuses_a_non_positive_amount_beside_the_field(string amount)
    {
        var supplier = await AccountAsync("Toko Grosir");
        var distributor = await AccountAsync("Kedai Ali");
        var partnership = Partnership.Apply(distributor.Id, supplier.Id, A.PartnershipStart);
        partnership.Accept(A.PartnershipStart);
        _db.Partnerships.Add(partnership);
        await _db.SaveChangesAsync();
        var dialog = Render<ManualCreditDialog>(p => p
            .Add(x => x.Currency, "MYR")
            .Add(x => x.Submit, r => new AddManualCredit(_db, TimeProvider.System).HandleAsync(supplier.Id, distributor.Id, r, default)));

        dialog.Find("[data-testid=credit-amount]").Input(amount);
        await dialog.Find("form").SubmitAsync();

        dialog.WaitForAssertion(() => Assert.Equal("Must be above 0.", dialog.Find("[data-field=amount]").TextContent));
        Assert.Empty(await _db.BalanceLedger.ToListAsync());
    }

    [Fact]
    public void Refund_dialog_clamps_at_zero_as_the_exchange_amount_is_typed_in_IDR_without_decimals()
    {
        var dialog = Render<CreateRefundDialog>(p => p
            .Add(x => x.ReturnAmount, 125000m)
            .Add(x => x.Unsettled, 20000m)
            .Add(x => x.ReturnHandlingFee, 5000m)
            .Add(x => x.Currency, "IDR"));
        Assert.Equal("IDR 100,000", dialog.Find("[data-testid=refundable] .rl-money").TextContent);

        dialog.Find("[data-testid=exchange]").Input("99999.5");
        Assert.Equal("IDR 1", dialog.Find("[data-testid=refundable] .rl-money").TextContent);   // 0.5 rounds away from zero

        dialog.Find("[data-testid=exchange]").Input("150000");
        Assert.Equal("IDR 0", dialog.Find("[data-testid=refundable] .rl-money").TextContent);
    }
}

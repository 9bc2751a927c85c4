using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ReturnLoop.Components.UI;
using static ReturnLoop.Features.DistributionReturns.DistributionReturnStatus;

namespace ReturnLoop.Tests;

/// <summary>The web app's shared parts, rendered without a browser (bUnit).</summary>
public sealed class WebComponentTests : BunitContext
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    public WebComponentTests() => Services.AddLocalization();

    [Fact]
    public void Status_tabs_show_each_status_with_its_count_and_report_the_one_clicked()
    {
        DistributionReturnStatus? selected = null;
        var tabs = Render<StatusTabs<DistributionReturnStatus>>(p => p
            .Add(x => x.Statuses, new[] { ToPush, PushFailed, Pushed })
            .Add(x => x.Counts, new Dictionary<string, int> { ["ToPush"] = 3, ["Pushed"] = 1 })
            .Add(x => x.Selected, ToPush)
            .Add(x => x.Label, s => $"[{s}]")
            .Add(x => x.SelectedChanged, s => selected = s));

        var buttons = tabs.FindAll("[role=tab]");
        Assert.Equal(["[ToPush]", "[PushFailed]", "[Pushed]"], buttons.Select(b => b.QuerySelector(".rl-tab-label")!.TextContent));
        Assert.Equal(["3", "0", "1"], buttons.Select(b => b.QuerySelector(".rl-tab-count")!.TextContent)); // a missing status counts 0
        Assert.Equal("true", buttons[0].GetAttribute("aria-selected"));

        buttons[2].Click();

        Assert.Equal(Pushed, selected);
        Assert.Equal("true", tabs.FindAll("[role=tab]")[2].GetAttribute("aria-selected"));
    }

    [Theory]
    [InlineData(120000, "IDR", "en", "IDR 120,000")]
    [InlineData(120000, "IDR", "id", "IDR 120.000")]
    [InlineData(120000.4, "VND", "en", "VND 120,000")]
    [InlineData(138, "MYR", "en", "MYR 138.00")]
    [InlineData(1234.5, "MYR", "id", "MYR 1.234,50")]
    public void Money_shows_the_currency_minor_unit_in_the_user_language(decimal amount, string currency, string culture,
        string expected) =>
        Assert.Equal(expected, Format.Money(amount, currency, culture == "id" ? Indonesian : English));

    [Fact]
    public void Money_text_renders_IDR_without_decimals()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = English;
        try
        {
            var money = Render<MoneyText>(p => p.Add(x => x.Amount, 53000m).Add(x => x.Currency, "IDR"));
            Assert.Equal("IDR 53,000", money.Find(".rl-money").TextContent);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

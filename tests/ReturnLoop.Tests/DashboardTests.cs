using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ReturnLoop.Features.Dashboard;
using ReturnLoop.Features.Dashboard.Pages;

namespace ReturnLoop.Tests;

/// <summary>The dashboard's pieces that format what the queries give them (bUnit).</summary>
public sealed class DashboardTests : PageTestContext
{
    [Theory]
    [InlineData(1500000, "IDR", "en", "IDR 1,500,000")]
    [InlineData(1500000.4, "IDR", "id", "IDR 1.500.000")]
    [InlineData(250.5, "MYR", "en", "MYR 250.50")]
    public void A_money_card_shows_its_currency_minor_unit(decimal amount, string currency, string culture, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        var card = Render<FigureCard>(p => p.Add(x => x.Label, "Refunded this month").Add(x => x.Amount, amount)
            .Add(x => x.Currency, currency).Add(x => x.TestId, "figure"));

        Assert.Equal(expected, card.Find("[data-testid=figure-value]").TextContent);
    }

    [Fact]
    public void A_count_card_shows_the_count_and_links_to_its_list()
    {
        var card = Render<FigureCard>(p => p.Add(x => x.Label, "Pending stock-in").Add(x => x.Count, 1234)
            .Add(x => x.Href, "/supplier/after-sales-orders"));

        Assert.Equal("1,234", card.Find("[data-testid=figure-value]").TextContent);
        Assert.Equal("/supplier/after-sales-orders", card.Find("a").GetAttribute("href"));
        Assert.Equal("Open Pending stock-in", card.Find("a").GetAttribute("aria-label"));
    }

    [Fact]
    public void Waiting_rows_show_whole_days_after_a_day_and_hours_before()
    {
        var now = new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero);
        var rows = new List<DashboardQueries.Waiting>
        {
            new("a1", "SO-1", "ConfirmReturn", now.AddHours(-50), TimeSpan.FromHours(50)),
            new("a2", "SO-2", "ToConfirm", now.AddHours(-5), TimeSpan.FromHours(5)),
        };
        var table = Render<WaitingTable>(p => p.Add(x => x.Rows, rows).Add(x => x.StatusLabel, s => $"[{s}]")
            .Add(x => x.HrefOf, id => $"/after-sales-orders/{id}"));

        Assert.Equal(["2 d", "5 h"], table.FindAll("[data-testid=age]").Select(a => a.TextContent));
        Assert.Equal(["[ConfirmReturn]", "[ToConfirm]"],
            table.FindAll("[data-testid=waiting-row] td:nth-child(2)").Select(a => a.TextContent));
        Assert.Equal("/after-sales-orders/a1", table.Find("[data-testid=waiting-row] a").GetAttribute("href"));
    }

    [Fact]
    public void Nothing_waiting_says_so()
    {
        var table = Render<WaitingTable>(p => p.Add(x => x.Rows, []).Add(x => x.StatusLabel, s => s).Add(x => x.HrefOf, id => id));

        Assert.Equal("Nothing is waiting.", table.Find("[data-testid=waiting-empty]").TextContent);
    }

    [Fact]
    public void A_30_day_series_labels_every_fifth_day_and_the_last()
    {
        var first = new DateOnly(2026, 2, 11);
        var days = Enumerable.Range(0, DashboardQueries.SeriesDays)
            .Select(i => new DashboardQueries.DayAmount(first.AddDays(i), i)).ToList();

        var labels = DayLabels.Of(days, CultureInfo.GetCultureInfo("en"));

        Assert.Equal(30, labels.Length);
        Assert.Equal(["11 Feb", "16 Feb", "21 Feb", "26 Feb", "3 Mar", "8 Mar", "12 Mar"], labels.Where(l => l != ""));
        Assert.Equal(29d, DayLabels.Values(days)[^1]);
    }

    [Fact]
    public void The_series_days_are_UTC_days() =>
        // 20:00 on 12 March in New York is already 13 March in UTC: the window is 12 February … 13 March.
        Assert.Equal(new DateOnly(2026, 2, 12),
            DashboardQueries.FirstDay(new DateTimeOffset(2026, 3, 12, 20, 0, 0, TimeSpan.FromHours(-5))));
}

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ReturnLoop.Features.DistributionOrders.Pages;
using Option = ReturnLoop.Features.DistributionOrders.DistributionOrderListQuery.Option;

namespace ReturnLoop.Tests;

/// <summary>The create-distribution-order form's line rows (bUnit): add and remove rows, each row's errors beside it.</summary>
public sealed class OrdersPageTests : PageTestContext
{
    private static readonly Option[] Skus = [new("SHP-TS-RED-M", "Tee red M"), new("SHP-TS-BLUE-L", "Tee blue L")];

    private IRenderedComponent<OrderLinesEditor> Editor(List<OrderLinesEditor.LineInput> lines,
        IReadOnlyDictionary<string, string>? errors = null, Action<int>? removed = null) =>
        Render<OrderLinesEditor>(p => p
            .Add(x => x.Lines, lines)
            .Add(x => x.Skus, Skus)
            .Add(x => x.Errors, errors)
            .Add(x => x.Removed, i => removed?.Invoke(i)));

    [Fact]
    public void Add_line_appends_an_empty_row_with_quantity_one_and_the_merchant_skus_to_choose()
    {
        var lines = new List<OrderLinesEditor.LineInput> { new() { Sku = "SHP-TS-RED-M", Quantity = 2 } };
        var editor = Editor(lines);

        editor.Find("[data-testid=add-line]").Click();

        Assert.Equal(2, lines.Count);
        Assert.Null(lines[1].Sku);
        Assert.Equal(1, lines[1].Quantity);
        var rows = editor.FindAll("[data-testid=line-input]");
        Assert.Equal(2, rows.Count);
        var options = rows[1].QuerySelectorAll("[data-testid=line-sku] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Choose a merchant SKU", "SHP-TS-RED-M – Tee red M", "SHP-TS-BLUE-L – Tee blue L"], options);
    }

    [Fact]
    public void Choosing_a_sku_and_typing_a_quantity_fill_that_row()
    {
        var lines = new List<OrderLinesEditor.LineInput> { new(), new() };
        var editor = Editor(lines);

        editor.FindAll("[data-testid=line-sku]")[1].Change("SHP-TS-BLUE-L");
        editor.FindAll("[data-testid=line-qty]")[1].Input("3");

        Assert.Null(lines[0].Sku);
        Assert.Equal("SHP-TS-BLUE-L", lines[1].Sku);
        Assert.Equal(1, lines[0].Quantity);
        Assert.Equal(3, lines[1].Quantity);
    }

    [Fact]
    public void Remove_drops_that_row_and_reports_its_index_but_the_last_row_stays()
    {
        var lines = new List<OrderLinesEditor.LineInput> { new() { Sku = "A" }, new() { Sku = "B" }, new() { Sku = "C" } };
        var removed = new List<int>();
        var editor = Editor(lines, removed: removed.Add);

        editor.FindAll("[data-testid=remove-line]")[1].Click();

        Assert.Equal(["A", "C"], lines.Select(l => l.Sku));
        Assert.Equal([1], removed);
        Assert.Equal(2, editor.FindAll("[data-testid=line-input]").Count);

        editor.FindAll("[data-testid=remove-line]")[0].Click();
        Assert.Equal(["C"], lines.Select(l => l.Sku));
        // one row is the least an order has: its remove button is off
        Assert.True(editor.Find("[data-testid=remove-line]").HasAttribute("disabled"));
    }

    [Fact]
    public void Each_rows_errors_show_beside_that_row_and_the_lines_error_above_them()
    {
        var lines = new List<OrderLinesEditor.LineInput> { new(), new() };
        var errors = new Dictionary<string, string>
        {
            ["lines"] = "At least one line.",
            ["lines[1].merchantSkuCode"] = "Not one of your merchant SKUs.",
            ["lines[1].quantity"] = "Must be a whole number above 0.",
        };
        var editor = Editor(lines, errors);

        var rows = editor.FindAll("[data-testid=line-input]");
        Assert.Empty(rows[0].QuerySelectorAll(".rl-field-error"));
        Assert.Equal("Not one of your merchant SKUs.",
            rows[1].QuerySelector("[data-field='lines[1].merchantSkuCode']")!.TextContent);
        Assert.Equal("Must be a whole number above 0.", rows[1].QuerySelector("[data-field='lines[1].quantity']")!.TextContent);
        Assert.Equal("At least one line.", editor.Find("[data-field=lines]").TextContent);
    }

    [Fact]
    public void Removing_a_row_drops_its_errors_and_moves_later_rows_errors_up_with_them()
    {
        var errors = new Dictionary<string, string>
        {
            ["warehouseId"] = "Required.",
            ["lines[0].quantity"] = "first",
            ["lines[1].merchantSkuCode"] = "second",
            ["lines[2].merchantSkuCode"] = "third",
        };

        var after = OrderLinesEditor.ErrorsAfterRemoving(errors, 1);

        Assert.Equal(new Dictionary<string, string>
        {
            ["warehouseId"] = "Required.",
            ["lines[0].quantity"] = "first",
            ["lines[1].merchantSkuCode"] = "third",
        }, after);
    }
}

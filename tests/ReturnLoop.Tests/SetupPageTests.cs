using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ReturnLoop.Features.Catalog.Pages;
using Supplier = ReturnLoop.Features.Catalog.MerchantSkuListQuery.Supplier;
using SkuOption = ReturnLoop.Features.Catalog.MerchantSkuListQuery.SkuOption;

namespace ReturnLoop.Tests;

/// <summary>The merchant SKU combo editor rendered without a database (bUnit): rows in, the use case's request out.</summary>
public sealed class SetupPageTests : PageTestContext
{
    private static readonly Supplier Toko = new("supplier-1", "Toko Grosir Supplier",
        [new SkuOption("CAP", "Cap"), new SkuOption("TS-BLUE-M", "Tee blue M"), new SkuOption("TS-RED-M", "Tee red M")]);

    private IRenderedComponent<MerchantSkuEditor> Editor(Func<CreateMerchantSku.Request, Task> create) =>
        Render<MerchantSkuEditor>(p => p.Add(x => x.Suppliers, new[] { Toko }).Add(x => x.Create, create));

    private static void FillRow(IRenderedComponent<MerchantSkuEditor> editor, int row, string sku, int quantity)
    {
        editor.FindAll("[data-testid=component-sku]")[row].Input(sku);
        editor.FindAll("[data-testid=component-qty]")[row].Input(quantity.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Combo_editor_adds_and_removes_component_rows_and_sends_the_components_left()
    {
        CreateMerchantSku.Request? sent = null;
        var editor = Editor(r => { sent = r; return Task.CompletedTask; });
        Assert.Single(editor.FindAll("[data-testid=component-row]"));
        Assert.Equal("Single", editor.Find("[data-testid=sku-kind]").TextContent.Trim());

        editor.Find("[data-testid=code]").Input("SHP-COMBO-RB");
        editor.Find("[data-testid=name]").Input("Tee red + blue bundle");
        editor.Find("[data-testid=add-component]").Click();
        editor.Find("[data-testid=add-component]").Click();
        Assert.Equal(3, editor.FindAll("[data-testid=component-row]").Count);
        FillRow(editor, 0, "TS-RED-M", 1);
        FillRow(editor, 1, "CAP", 1);
        FillRow(editor, 2, "TS-BLUE-M", 2);

        editor.FindAll("[data-testid=remove-component]")[1].Click();

        Assert.Equal(2, editor.FindAll("[data-testid=component-row]").Count);
        Assert.Equal(["TS-RED-M", "TS-BLUE-M"], editor.FindAll("[data-testid=component-sku]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Combo", editor.Find("[data-testid=sku-kind]").TextContent.Trim());

        editor.Find("[data-testid=merchant-sku-editor]").Submit();

        Assert.NotNull(sent);
        Assert.Equal("SHP-COMBO-RB", sent.Code);
        Assert.Equal("Tee red + blue bundle", sent.Name);
        Assert.Equal(Toko.Id, sent.SupplierAccountId); // the only active supplier is chosen for you
        Assert.Equal([new ComponentRequest("TS-RED-M", 1), new ComponentRequest("TS-BLUE-M", 2)], sent.Components);
    }

    [Fact]
    public void An_error_on_one_component_row_is_shown_beside_that_row()
    {
        var editor = Editor(_ => throw DomainError.Validation("components[1].supplierSkuCode", "Not a SKU of this supplier."));
        editor.Find("[data-testid=code]").Input("SHP-COMBO");
        editor.Find("[data-testid=name]").Input("Bundle");
        FillRow(editor, 0, "TS-RED-M", 1);
        editor.Find("[data-testid=add-component]").Click();
        FillRow(editor, 1, "TS-GREEN-M", 1);

        editor.Find("[data-testid=merchant-sku-editor]").Submit();

        var rows = editor.FindAll("[data-testid=component-row]");
        Assert.Empty(rows[0].QuerySelectorAll(".rl-field-error"));
        var error = Assert.Single(rows[1].QuerySelectorAll(".rl-field-error"));
        Assert.Equal("components[1].supplierSkuCode", error.GetAttribute("data-field"));
        Assert.Equal("Not a SKU of this supplier.", error.TextContent);
        Assert.Empty(editor.FindAll("[data-testid=merchant-sku-error]")); // beside the row, not a general alert
    }

    [Fact]
    public void Removing_a_row_drops_the_row_errors_that_would_point_at_the_wrong_row()
    {
        var editor = Editor(_ => throw DomainError.Validation("components[1].quantity", "Must be a whole number above 0."));
        FillRow(editor, 0, "TS-RED-M", 1);
        editor.Find("[data-testid=add-component]").Click();
        editor.Find("[data-testid=merchant-sku-editor]").Submit();
        Assert.Single(editor.FindAll("[data-field='components[1].quantity']"));

        editor.FindAll("[data-testid=remove-component]")[0].Click();

        Assert.Empty(editor.FindAll(".rl-field-error"));
    }
}

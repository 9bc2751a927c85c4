using Microsoft.Extensions.Localization;
using MudBlazor;
using ReturnLoop.Components.UI;
using ReturnLoop.Resources;

namespace ReturnLoop.Features.Warehouses.Pages;

/// <summary>What the set-up pages (partnerships, warehouses, SKUs, stock) share: numbered grid pages and field errors.</summary>
public static class SetupPages
{
    /// <summary>
    /// One numbered page of an ordered list with its total: these set-up lists are short (an account's warehouses, SKUs,
    /// partners), so OFFSET costs nothing and the grid can jump to any page.
    /// </summary>
    public static async Task<GridData<TOut>> GridPageAsync<T, TOut>(this IQueryable<T> ordered, GridState<TOut> state,
        Func<IReadOnlyList<T>, Task<IReadOnlyList<TOut>>> map, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip(state.Page * state.PageSize).Take(state.PageSize).ToListAsync(ct);
        return new GridData<TOut> { Items = await map(rows), TotalItems = total };
    }

    public static Task<GridData<T>> GridPageAsync<T>(this IQueryable<T> ordered, GridState<T> state, CancellationToken ct) =>
        ordered.GridPageAsync(state, rows => Task.FromResult(rows), ct);

    /// <summary>Every row of the list as the page shows it now (tab and filters), at most <paramref name="max"/>: for the export.</summary>
    public static async Task<IReadOnlyList<TOut>> AllAsync<T, TOut>(this IQueryable<T> ordered, int max,
        Func<IReadOnlyList<T>, Task<IReadOnlyList<TOut>>> map, CancellationToken ct) =>
        await map(await ordered.Take(max).ToListAsync(ct));

    public static async Task<IReadOnlyList<T>> AllAsync<T>(this IQueryable<T> ordered, int max, CancellationToken ct) =>
        await ordered.Take(max).ToListAsync(ct);

    /// <summary>
    /// A validation error's messages by field, in the user's language where we have the message (shared "AS_Field_" texts
    /// first, then the set-up pages' own "SKU_Field_"), else as the rule wrote it.
    /// </summary>
    public static Dictionary<string, string> FieldErrors(IStringLocalizer<Strings> l, DomainError error) =>
        (error.Errors ?? new Dictionary<string, string[]>()).ToDictionary(kv => kv.Key,
            kv => string.Join(" ", kv.Value.Select(m => Text.Of(l, $"AS_Field_{m}", Text.Of(l, $"SKU_Field_{m}", m)))));
}

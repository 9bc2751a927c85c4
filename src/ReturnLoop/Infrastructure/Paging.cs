using System.Text;

namespace ReturnLoop.Infrastructure;

/// <summary>A page of a list: <c>{"items": [...], "nextCursor": "…" | null}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A short list that is never paged: <c>{"items": [...]}</c>.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);

/// <summary>The <c>?limit=&amp;cursor=</c> of a list request.</summary>
public readonly record struct PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static PageRequest From(int? limit, string? cursor)
    {
        var check = new Check()
            .That(limit is null or (>= 1 and <= MaxLimit), "limit", $"Between 1 and {MaxLimit}.");
        string? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = Decode(cursor);
            check.That(after is not null, "cursor", "Not a cursor this API gave out.");
        }
        check.ThrowIfInvalid();
        return new PageRequest(limit ?? DefaultLimit, after);
    }

    internal static string Encode(string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string cursor)
    {
        try
        {
            var s = cursor.Replace('-', '+').Replace('_', '/');
            s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
            var id = Encoding.UTF8.GetString(Convert.FromBase64String(s));
            return id.Length == Ids.Length && id.All(char.IsAsciiHexDigitLower) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class Paging
{
    /// <summary>
    /// Keyset pagination, newest first: ids are time-ordered, so "after the cursor" is "id below it".
    /// One query, served by the (account, …, id) indexes; no OFFSET, so page 1,000 costs what page 1 does.
    /// </summary>
    public static Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> query, PageRequest page, Func<T, TOut> map, CancellationToken ct)
        where T : class =>
        query.ToPageAsync(page, rows => Task.FromResult<IReadOnlyList<TOut>>(rows.Select(map).ToList()), ct);

    /// <summary>For lists whose mapping needs the whole page at once (one batch query for related rows).</summary>
    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> query, PageRequest page,
        Func<IReadOnlyList<T>, Task<IReadOnlyList<TOut>>> mapPage, CancellationToken ct) where T : class
    {
        var rows = await query.Keyset(page).ToListAsync(ct);
        var more = rows.Count > page.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var items = await mapPage(rows);
        return new Page<TOut>(items, more ? PageRequest.Encode(IdOf(rows[^1])) : null);
    }

    /// <summary>
    /// A page by number, newest first, for a jump the keyset cursors do not reach (a grid's "last page"). OFFSET, so
    /// only for the web grids' numbered pages; the API pages by keyset (<c>ToPageAsync</c>).
    /// </summary>
    public static async Task<List<T>> SkipPageAsync<T>(this IQueryable<T> query, int skip, int take, CancellationToken ct)
        where T : class =>
        await query.OrderByDescending(x => EF.Property<string>(x, "Id")).Skip(skip).Take(take).ToListAsync(ct);

    private static IQueryable<T> Keyset<T>(this IQueryable<T> query, PageRequest page) where T : class
    {
        if (page.After is { } after) query = query.Where(x => string.Compare(EF.Property<string>(x, "Id"), after) < 0);
        return query.OrderByDescending(x => EF.Property<string>(x, "Id")).Take(page.Limit + 1);
    }

    private static string IdOf<T>(T row) where T : class =>
        (string)(typeof(T).GetProperty("Id")?.GetValue(row) ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id."));

    /// <summary>The counts of a list's status tabs: every status is present, 0 when empty.</summary>
    public static async Task<Dictionary<string, int>> CountByStatusAsync<T, TStatus>(this IQueryable<T> query,
        System.Linq.Expressions.Expression<Func<T, TStatus>> status, CancellationToken ct) where TStatus : struct, Enum
    {
        var counts = await query.GroupBy(status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<TStatus>().ToDictionary(s => s.ToString(), s => counts.FirstOrDefault(c => c.Key.Equals(s))?.Count ?? 0);
    }
}

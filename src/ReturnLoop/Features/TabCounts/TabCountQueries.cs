using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ReturnLoop.Features.TabCounts;

public static class TabCountQueries
{
    /// <summary>
    /// The tab counts of one account's list, of one partner or of all: a sum over the few <see cref="TabCount"/> rows of the
    /// list, read from their index, however many rows the list holds. Every status is present, zero when empty.
    /// </summary>
    public static async Task<Dictionary<string, int>> TabCountsAsync<TStatus>(this AppDbContext db, CountedList list, string accountId,
        string? partnerId, CancellationToken ct) where TStatus : struct, Enum
    {
        var rows = db.TabCounts.AsNoTracking().Where(c => c.List == list.Name && c.AccountId == accountId);
        if (partnerId is not null) rows = rows.Where(c => c.PartnerId == partnerId);
        var sums = await rows.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(s => s.Key, s => s.Count, ct);
        return Enum.GetValues<TStatus>().ToDictionary(s => s.ToString(), s => sums.GetValueOrDefault(s.ToString()));
    }

    /// <summary>
    /// The tab counts under a yes/no filter kept as its own list (<see cref="CountedList.When"/>): all rows, the flagged
    /// ones, or all less the flagged ones.
    /// </summary>
    public static async Task<Dictionary<string, int>> TabCountsAsync<TStatus>(this AppDbContext db, CountedList list,
        CountedList flagged, string accountId, string? partnerId, bool? flag, CancellationToken ct) where TStatus : struct, Enum
    {
        if (flag is true) return await db.TabCountsAsync<TStatus>(flagged, accountId, partnerId, ct);
        var all = await db.TabCountsAsync<TStatus>(list, accountId, partnerId, ct);
        if (flag is null) return all;
        var flaggedCounts = await db.TabCountsAsync<TStatus>(flagged, accountId, partnerId, ct);
        return all.ToDictionary(c => c.Key, c => c.Value - flaggedCounts[c.Key]);
    }

    /// <summary>
    /// Counts every list anew from its rows, in one transaction that keeps writers of the counted tables out meanwhile
    /// (PostgreSQL: a SHARE lock on them; SQLite: the write lock). For a database whose counts were never kept (the
    /// first start after the upgrade that brought them) and for rows written around the app (the benchmark's history).
    /// </summary>
    public static async Task RecountTabsAsync(this AppDbContext db, CancellationToken ct)
    {
        using var writer = await db.EnterSqliteWriterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counts = db.SqlNamesOf(typeof(TabCount));
        var target = $"{counts.Table} ({counts.Column(nameof(TabCount.List))}, {counts.Column(nameof(TabCount.AccountId))}, "
            + $"{counts.Column(nameof(TabCount.PartnerId))}, {counts.Column(nameof(TabCount.Status))}, "
            + $"{counts.Column(nameof(TabCount.Count))})";
        if (db.Database.IsNpgsql())
        {
            var tables = CountedLists.All.Select(l => l.Entity).Distinct().Select(e => db.SqlNamesOf(e).Table);
            var lockTables = $"LOCK TABLE {string.Join(", ", tables)} IN SHARE MODE";
            await db.Database.ExecuteSqlRawAsync(lockTables, ct);
        }
        await db.TabCounts.ExecuteDeleteAsync(ct);
        foreach (var list in CountedLists.All)
        {
            var (table, column) = db.SqlNamesOf(list.Entity);
            var partner = list.Partner is null ? "''" : $"COALESCE({column(list.Partner)}, '')";
            var columns = $"{column(list.Owner)}, {partner}, {column(list.Status)}";
            var groups = list.Partner is null ? $"{column(list.Owner)}, {column(list.Status)}" : columns;
            var conditions = new List<string>();
            if (list.UnlessOwnerIs is not null) conditions.Add($"{column(list.UnlessOwnerIs)} <> {column(list.Owner)}");
            if (list.When is not null) conditions.Add(column(list.When)); // a boolean: true on PostgreSQL, 1 on SQLite
            var where = conditions.Count == 0 ? "" : $" WHERE {string.Join(" AND ", conditions)}";
            // Names from the model and the constants of CountedLists, never input.
            var insert = $"INSERT INTO {target} SELECT '{list.Name}', {columns}, COUNT(*) FROM {table}{where} GROUP BY {groups}";
            await db.Database.ExecuteSqlRawAsync(insert, ct);
        }
        db.TabCounts.Add(new TabCount(CountedLists.MarkerList, CountedLists.Signature, "", "", 0));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>An entity's table and a column of one of its properties as SQL, from the model (never input).</summary>
    internal static (string Table, Func<string, string> Column) SqlNamesOf(this AppDbContext db, Type entityType)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(entityType)!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (sql.DelimitIdentifier(table.Name, table.Schema),
            property => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!));
    }

    /// <summary>
    /// Whether counts must be built: they were never built for these lists (a new database, the upgrade that brought
    /// them, a wipe, or a build that counted other lists). On an empty database the count is quick and leaves the marker.
    /// </summary>
    public static async Task<bool> TabCountsMissingAsync(this AppDbContext db, CancellationToken ct) =>
        !await db.TabCounts.AnyAsync(c => c.List == CountedLists.MarkerList && c.AccountId == CountedLists.Signature, ct);
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ReturnLoop.Bench;

/// <summary>
/// <c>--verify-seed N</c>: the same N after-sales orders of history (one set of entities from the domain verbs, every status)
/// written once by the old path (AppDbContext.AddRange + SaveChanges) and once by <see cref="SeedWriter"/>, into the same
/// freshly set-up database one after the other (the rows of the first are deleted before the second), and every column of
/// every row of the six tables read back and compared as the database returns them (what the lists see).
/// </summary>
internal sealed partial class History
{
    /// <summary>Returns the number of differing values (0: identical); leaves the history tables empty.</summary>
    public async Task<int> VerifySeedAsync(int count, Action<string> log)
    {
        if (Count > 0) throw new InvalidOperationException("--verify-seed runs before the history grows.");
        await LoadReferenceAsync();
        var batch = new Batch();
        for (var i = 0; i < count; i++) One(i, batch);
        for (var i = 0; i < 5; i++) batch.Orders.Add(HotOrder($"VS{i}", DateTimeOffset.UtcNow));

        var rows = await InsertWithEfAsync(batch);
        var old = await SnapshotAsync();
        await DeleteHistoryAsync();
        var fast = await InsertAsync(batch);
        var now = await SnapshotAsync();
        await DeleteHistoryAsync();

        var differences = 0;
        foreach (var table in Tables())
        {
            var (oldColumns, oldRows) = old[table.Name];
            var (newColumns, newRows) = now[table.Name];
            if (!oldColumns.SequenceEqual(newColumns) || oldRows.Count != newRows.Count)
            {
                log($"  {table.Name}: columns or row counts differ ({oldRows.Count:N0} vs {newRows.Count:N0})");
                differences++;
                continue;
            }
            var values = 0;
            var key = Array.IndexOf(oldColumns, table.Key);
            for (var r = 0; r < oldRows.Count; r++)
            {
                for (var c = 0; c < oldColumns.Length; c++)
                {
                    values++;
                    if (oldRows[r][c] == newRows[r][c]) continue;
                    if (++differences <= 20)
                        log($"  {table.Name}.{oldColumns[c]} of {oldRows[r][key]}: old {oldRows[r][c]} | new {newRows[r][c]}");
                }
            }
            log($"  {table.Name}: {oldRows.Count:N0} rows × {oldColumns.Length} columns ({values:N0} values) compared");
        }
        log(differences == 0
            ? $"Seed check: the fast path wrote the same {fast:N0} rows as the old path ({rows:N0}), every column equal."
            : $"Seed check FAILED: {differences} differing values.");
        return differences;
    }

    private async Task<Dictionary<string, (string[] Columns, List<string?[]> Rows)>> SnapshotAsync()
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, (string[], List<string?[]>)>();
        foreach (var table in Tables())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Name}\" ORDER BY \"{table.Key}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<string?[]>();
            while (await reader.ReadAsync()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i))]);
            result[table.Name] = (columns, rows);
        }
        return result;
    }

    private static string? Text(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return null;
        var value = reader.GetValue(i);
        // The type travels with the text: 1 (integer) and "1" (text) are different values to a query.
        var text = value switch
        {
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture) + $" ({d.Kind})",
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return $"{value.GetType().Name}:{text}";
    }

    private async Task DeleteHistoryAsync()
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in Tables().Reverse())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM \"{table.Name}\"";
            await command.ExecuteNonQueryAsync();
        }
    }
}

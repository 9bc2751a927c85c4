namespace ReturnLoop.Infrastructure;

/// <summary>
/// The bulk actions (push, stock-in, refund of up to 1,000 returns) decide and save their ids a slice at a time. Each
/// return stands alone (one that cannot go on fails by itself), so a slice is as good a unit as the whole batch, and it
/// keeps a batch from being one huge unit of work: on SQLite the process's writer is held for one slice, not for the
/// whole batch, so other writers' actions go on between slices; and the tracked entities and commands of one slice
/// are all a batch holds at a time. Inside a request's own transaction (an Idempotency-Key) the slices are still one
/// transaction.
/// </summary>
public static class BulkSlices
{
    public const int Size = 200;

    public static async Task<IReadOnlyList<T>> InSlicesAsync<T>(this AppDbContext db, IReadOnlyList<string> ids,
        Func<IReadOnlyList<string>, Task<IReadOnlyList<T>>> slice)
    {
        var outcomes = new List<T>(ids.Count);
        foreach (var part in ids.Chunk(Size))
        {
            if (outcomes.Count > 0) db.ChangeTracker.Clear(); // the saved slices' entities are answered from, not tracked on
            outcomes.AddRange(await slice(part));
        }
        return outcomes;
    }

    /// <summary>
    /// Whether a check refuses one id of a slice, recorded then with its reason. The check changes nothing, so the slice goes
    /// on without it in the same unit of work: a batch already done (a bulk action run twice) is read once, not once per id.
    /// </summary>
    internal static bool Refused(string id, Action check, Dictionary<string, DomainError> refused)
    {
        try
        {
            check();
            return false;
        }
        catch (DomainError e)
        {
            refused[id] = e;
            return true;
        }
    }
}

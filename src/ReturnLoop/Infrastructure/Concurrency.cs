namespace ReturnLoop.Infrastructure;

public static class Concurrency
{
    /// <summary>
    /// Runs a use case's load-change-save again when a concurrent writer won the race (a version or unique
    /// conflict): the second push of a return then finds it pushed and reports the existing supplier return.
    /// After the last attempt the conflict surfaces as 409 <c>conflict</c>.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this AppDbContext db, Func<Task<T>> attempt, int attempts = 6)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (i < attempts && ProblemDetailsMapping.IsConflict(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * i));
            }
        }
    }
}

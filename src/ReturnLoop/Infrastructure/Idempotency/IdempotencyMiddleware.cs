using System.Security.Cryptography;

namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a POST: per account, the same key and body answer the first successful answer again;
/// the same key with another body is 422 <c>idempotency.key_reused</c>. Failed answers are not kept, so a retry
/// after a failure runs again. A key is claimed before the request runs, so two concurrent retries run it once.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    /// <summary>A claim older than this belonged to a request that died; its key may be used again.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext http, IDbContextFactory<AppDbContext> dbs, TimeProvider clock)
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.User.TryAccountId() is not { } accountId
            // an upload replaces the proof, so it is idempotent already, and multipart boundaries differ per retry
            || http.Request.HasFormContentType)
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 255)
        {
            await http.WriteProblemAsync(400, "validation.failed", $"{Header} must be 1 to 255 characters.");
            return;
        }

        var hash = await HashRequestAsync(http.Request);
        await using var db = await dbs.CreateDbContextAsync(http.RequestAborted);
        var claim = await ClaimAsync(db, accountId, key, hash, clock.GetUtcNow(), http.RequestAborted);
        if (claim.Answer is { } answer)
        {
            await answer(http);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(http);
            if (http.Response.StatusCode is >= 200 and < 300)
            {
                claim.Record!.Complete(http.Response.StatusCode, http.Response.ContentType, buffer.ToArray(), http.Response.Headers.Location);
                await db.SaveChangesAsync(CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            if (!kept)
            {
                db.IdempotencyRecords.Remove(claim.Record!);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private sealed record Claim(IdempotencyRecord? Record, Func<HttpContext, Task>? Answer);

    private static async Task<Claim> ClaimAsync(AppDbContext db, string accountId, string key, string hash, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.AccountId == accountId && r.Key == key, ct);
            if (existing is null)
            {
                var record = new IdempotencyRecord(accountId, key, hash, now);
                db.IdempotencyRecords.Add(record);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return new Claim(record, null);
                }
                catch (DbUpdateException e) when (attempt < 3 && ProblemDetailsMapping.IsConflict(e))
                {
                    db.ChangeTracker.Clear(); // another request claimed the key first: read its claim
                    continue;
                }
            }

            if (existing.RequestHash != hash)
                return Answer(h => h.WriteProblemAsync(422, "idempotency.key_reused", "This Idempotency-Key was used with another request."));
            if (existing.IsCompleted)
                return Answer(h => ReplayAsync(h, existing));
            if (now - existing.CreatedAt < AbandonedAfter)
                return Answer(h => h.WriteProblemAsync(409, "conflict", "A request with this Idempotency-Key is still running; retry shortly."));

            db.IdempotencyRecords.Remove(existing); // abandoned by a request that died
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static Claim Answer(Func<HttpContext, Task> answer) => new(null, answer);

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        http.Response.StatusCode = record.StatusCode!.Value;
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(record.ResponseBody, http.RequestAborted);
    }

    /// <summary>The same key means the same request only with the same route and the same body.</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

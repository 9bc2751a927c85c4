using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a POST: per account, the same key and body answer the first successful answer again;
/// the same key with another body is 422 <c>idempotency.key_reused</c>. Failed answers are not kept, so a retry
/// after a failure runs again. An answer is replayed for <c>Idempotency:Retention</c> (24 hours by default); after
/// that the key works anew, and <see cref="IdempotencySweeper"/> deletes the row. An endpoint marked
/// <see cref="NoIdempotentReplay"/> keeps only the claim, never the answer.
/// <para>
/// The claim of the key, the use case's changes and the stored answer commit in one transaction on the request's
/// own unit of work (each SaveChanges inside it is a savepoint), so a crash can never leave a change without its
/// answer: a retry either replays it or runs on a database where nothing happened. A concurrent retry with the
/// same key waits for the first to finish, then replays its answer.
/// </para>
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext http, AppDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options)
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
        var ct = http.RequestAborted;
        using var writer = await db.EnterSqliteWriterAsync(ct); // SQLite: this request's transaction is a write from its BEGIN
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var existing = await FindAsync(db, accountId, key, ct);
        if (existing is not null && existing.CreatedAt <= now - options.Value.Retention)
        {
            // Expired: no answer to replay any more, the key works anew (the sweeper may not have come by yet).
            await db.IdempotencyRecords.Where(r => r.AccountId == accountId && r.Key == key).ExecuteDeleteAsync(ct);
            existing = null;
        }
        if (existing is null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(accountId, key, hash, now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (ProblemDetailsMapping.IsConflict(e))
            {
                existing = await FindAsync(db, accountId, key, ct); // a concurrent request with this key committed first
            }
            db.ChangeTracker.Clear();
        }
        if (existing is not null)
        {
            await transaction.RollbackAsync(ct);
            await (existing.RequestHash != hash
                ? http.WriteProblemAsync(422, "idempotency.key_reused", "This Idempotency-Key was used with another request.")
                : existing.ResponseBody is null
                    ? http.WriteProblemAsync(409, "idempotency.not_replayable",
                        "This Idempotency-Key already created the resource at 'location'; its answer held a secret shown once, "
                        + "so it cannot be shown again. Revoke it if the secret was lost, and retry with a new key.",
                        new Dictionary<string, object?> { ["location"] = existing.Location })
                    : ReplayAsync(http, existing));
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var succeeded = false;
        try
        {
            await next(http);
            succeeded = http.Response.StatusCode is >= 200 and < 300; // a thrown error is answered later, outside
        }
        finally
        {
            http.Response.Body = original;
            var claim = db.IdempotencyRecords.Where(r => r.AccountId == accountId && r.Key == key);
            if (succeeded)
            {
                // Not tracked: a use case may have cleared the change tracker while it retried.
                // A secret-bearing answer keeps only the claim and where it points: see NoIdempotentReplay.
                var replayable = http.GetEndpoint()?.Metadata.GetMetadata<NoIdempotentReplay>() is null;
                var body = replayable ? buffer.ToArray() : null;
                string? contentType = replayable ? http.Response.ContentType : null, location = http.Response.Headers.Location;
                await claim.ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                    .SetProperty(r => r.ContentType, contentType)
                    .SetProperty(r => r.ResponseBody, body)
                    .SetProperty(r => r.Location, location), CancellationToken.None);
            }
            else
            {
                // A refusal keeps what the use case saved (a push that failed sits in Push Failed) but not the key.
                await claim.ExecuteDeleteAsync(CancellationToken.None);
            }
            await transaction.CommitAsync(CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    private static Task<IdempotencyRecord?> FindAsync(AppDbContext db, string accountId, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.AccountId == accountId && r.Key == key && r.StatusCode != null, ct);

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

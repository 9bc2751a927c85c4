namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary>
/// The first successful answer to a POST with an <c>Idempotency-Key</c>, per account. Written in the same
/// transaction as the request's changes; a row without a status exists only inside that running transaction.
/// A row with a status but no body is the claim of a <see cref="NoIdempotentReplay"/> endpoint: its answer held a
/// secret, so only where it points (<see cref="Location"/>) is kept. Rows older than Idempotency:Retention are swept.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string accountId, string key, string requestHash, DateTimeOffset now)
    {
        AccountId = accountId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = now;
    }

    public string AccountId { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public string? ContentType { get; private set; }
    public byte[]? ResponseBody { get; private set; }
    public string? Location { get; private set; }

}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(x => new { x.AccountId, x.Key });
        b.Property(x => x.Key).HasMaxLength(255);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasIndex(x => x.CreatedAt);
    }
}

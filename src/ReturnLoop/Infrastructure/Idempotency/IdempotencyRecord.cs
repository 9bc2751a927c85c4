namespace ReturnLoop.Infrastructure.Idempotency;

/// <summary>
/// The first successful answer to a POST with an <c>Idempotency-Key</c>, per account. A row without a status is a
/// request still running (a claim), so a concurrent retry with the same key cannot run the use case twice.
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

    public bool IsCompleted => StatusCode is not null;

    public void Complete(int statusCode, string? contentType, byte[] body, string? location)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        ResponseBody = body;
        Location = location;
    }
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

using ReturnLoop.Marketplaces;

namespace ReturnLoop.Features.Shops;

/// <summary>What ingesting one platform return did.</summary>
public enum IngestOutcome
{
    /// <summary>A new after-sales order.</summary>
    Created,

    /// <summary>An existing after-sales order moved (approved, cancelled) or its platform status changed.</summary>
    Updated,

    /// <summary>Nothing new: the same state again (a repeated push or page).</summary>
    Unchanged,

    /// <summary>Older than what is already applied: nothing moves backwards.</summary>
    Stale,

    /// <summary>Not an after-sales order (e.g. Lazada's order cancellations): stored nowhere.</summary>
    Skipped,
}

public sealed record IngestResult(IngestOutcome Outcome, string? AfterSalesOrderId);

/// <summary>
/// Brings one platform return into ReturnLoop as an after-sales order of the shop's account, or moves the one it already
/// is (marketplaces.md, "Decisions for ReturnLoop"). One transaction per return; safe to run twice with the same input.
/// </summary>
public sealed class IngestPlatformReturn(AppDbContext db, TimeProvider clock)
{
    public Task<IngestResult> HandleAsync(Shop shop, PlatformReturn platformReturn, CancellationToken ct)
    {
        _ = (db, clock, shop, platformReturn, ct);
        throw new NotImplementedException("Being written on main by the lead.");
    }
}

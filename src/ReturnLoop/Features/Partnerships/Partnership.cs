namespace ReturnLoop.Features.Partnerships;

public enum PartnershipStatus { Pending, Active, Rejected, Terminated }

/// <summary>
/// Distributor ↔ supplier cooperation. Partnering again after a termination is a new partnership,
/// so every past active period is kept: the push rules ask whether an order was created inside one.
/// </summary>
public sealed class Partnership
{
    private Partnership() { }

    public string Id { get; private set; } = Ids.New();
    public string DistributorAccountId { get; private set; } = "";
    public string SupplierAccountId { get; private set; } = "";
    public PartnershipStatus Status { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset? ActiveFrom { get; private set; }
    public DateTimeOffset? RejectedAt { get; private set; }
    public DateTimeOffset? TerminatedAt { get; private set; }

    public static Partnership Apply(string distributorAccountId, string supplierAccountId, DateTimeOffset now)
    {
        if (distributorAccountId == supplierAccountId)
            throw DomainError.Validation("supplierAccountId", "An account cannot partner with itself.");
        return new() { DistributorAccountId = distributorAccountId, SupplierAccountId = supplierAccountId,
            Status = PartnershipStatus.Pending, AppliedAt = now };
    }

    public bool IsOpen => Status is PartnershipStatus.Pending or PartnershipStatus.Active;
    public bool CanAccept => Status == PartnershipStatus.Pending;
    public bool CanReject => Status == PartnershipStatus.Pending;
    public bool CanTerminate => IsOpen;

    public void Accept(DateTimeOffset now)
    {
        if (!CanAccept) throw DomainError.StateNotAllowed("accept", Status);
        Status = PartnershipStatus.Active;
        ActiveFrom = now;
    }

    public void Reject(DateTimeOffset now)
    {
        if (!CanReject) throw DomainError.StateNotAllowed("reject", Status);
        Status = PartnershipStatus.Rejected;
        RejectedAt = now;
    }

    /// <summary>Ends an active cooperation, or withdraws a pending application.</summary>
    public void Terminate(DateTimeOffset now)
    {
        if (!CanTerminate) throw DomainError.StateNotAllowed("terminate", Status);
        Status = PartnershipStatus.Terminated;
        TerminatedAt = now;
    }

    /// <summary>Whether the cooperation was active at <paramref name="at"/>: from acceptance up to (not including) termination.</summary>
    public bool WasActiveAt(DateTimeOffset at) =>
        ActiveFrom is { } from && from <= at && (TerminatedAt is not { } end || at < end);
}

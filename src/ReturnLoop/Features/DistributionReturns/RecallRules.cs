using ReturnLoop.Features.SupplierReturns;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>What cancelling the after-sales application does to its return &amp; stock-in – distribution.</summary>
public enum RecallOutcome { Cancelled, Recalled, RecallFailed }

/// <summary>
/// The recall decision of domain.md ("Recall"), pure: a page can ask it before the user cancels. The cancellation
/// itself always stands (the buyer's word is final); only the recall may fail.
/// </summary>
public static class RecallRules
{
    public const string AlreadyStockedIn = "recall.already_stocked_in";

    public static readonly Failure StockedIn = new(AlreadyStockedIn,
        "The supplier has already stocked the goods in; the return stays with the supplier and needs attention.");

    /// <param name="supplierReturn">The supplier return the return was pushed as; null when it was never pushed.</param>
    public static RecallOutcome Decide(DistributionReturn ret, SupplierReturn? supplierReturn)
    {
        if (ret.CanPush) return RecallOutcome.Cancelled;
        if (!ret.IsPushed) throw DomainError.StateNotAllowed("recall", ret.Status);
        if (supplierReturn is null || supplierReturn.Id != ret.SupplierReturnId)
            throw new ArgumentException("The supplier return this return was pushed as is needed.", nameof(supplierReturn));
        return supplierReturn.CanRecall ? RecallOutcome.Recalled : RecallOutcome.RecallFailed;
    }
}

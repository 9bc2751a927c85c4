using ReturnLoop.Features.SupplierReturns;

namespace ReturnLoop.Features.DistributionReturns;

public enum DistributionReturnStatus { ToPush, PushFailed, Pushed, Recalled, RecallFailed, Cancelled }

/// <summary>Why a push or a recall failed: a stable code and a message for the seller.</summary>
public sealed record Failure(string Code, string Message);

/// <summary>
/// Return &amp; Stock-in – Distribution: the distributor's order that carries a distribution after-sales return
/// to the supplier. Pushing it creates the supplier return, exactly once.
/// </summary>
public sealed class DistributionReturn
{
    private readonly List<ReturnLine> _lines = [];

    private DistributionReturn() { }

    public string Id { get; private set; } = Ids.New();
    public string DistributorAccountId { get; private set; } = "";
    public string SupplierAccountId { get; private set; } = "";
    public string AfterSalesOrderId { get; private set; } = "";
    public string DistributionOrderId { get; private set; } = "";
    public string WarehouseId { get; private set; } = "";
    public DistributionReturnStatus Status { get; private set; }
    public Failure? PushFailure { get; private set; }
    public Failure? RecallFailure { get; private set; }
    public int PushAttempts { get; private set; }
    public DateTimeOffset? LastPushAttemptAt { get; private set; }
    public string? SupplierReturnId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PushedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The supplier SKU lines pushed, combos split; empty until the first successful push.</summary>
    public IReadOnlyList<ReturnLine> Lines => _lines;

    public bool CanPush => Status is DistributionReturnStatus.ToPush or DistributionReturnStatus.PushFailed;
    public bool IsPushed => Status == DistributionReturnStatus.Pushed;

    public static DistributionReturn Create(string afterSalesOrderId, string distributionOrderId, string distributorAccountId,
        string supplierAccountId, string warehouseId, DateTimeOffset now) => new()
    {
        AfterSalesOrderId = afterSalesOrderId,
        DistributionOrderId = distributionOrderId,
        DistributorAccountId = distributorAccountId,
        SupplierAccountId = supplierAccountId,
        WarehouseId = warehouseId,
        Status = DistributionReturnStatus.ToPush,
        CreatedAt = now,
    };

    /// <summary>
    /// One push attempt (domain.md, push rules): the rules pass and the supplier return is created and returned,
    /// for the caller to add to the same unit of work; or the first failing rule lands the return in Push Failed
    /// with its code and message (<see cref="PushFailure"/>) and nothing is returned.
    /// </summary>
    public SupplierReturn? Push(PushContext context, TimeSpan maxOrderAge, DateTimeOffset now)
    {
        if (!CanPush) throw DomainError.StateNotAllowed("push", Status);
        var order = context.Orders[DistributionOrderId];
        var afterSales = context.AfterSales[AfterSalesOrderId];
        var outcome = PushRules.Check(order, afterSales, context.PartnershipsBySupplier[SupplierAccountId], context.MerchantSkus,
            warehouseAvailable: context.AvailableWarehouseIds.Contains(WarehouseId), maxOrderAge, now);
        if (!outcome.Succeeded)
        {
            MarkPushFailed(outcome.Failure!, now);
            return null;
        }
        var supplierReturn = SupplierReturn.FromPush(this, afterSales, order, outcome.Lines, now);
        MarkPushed(supplierReturn.Id, outcome.Lines, now);
        return supplierReturn;
    }

    /// <summary>
    /// The after-sales application was cancelled (domain.md, Recall): a return not yet pushed is simply cancelled;
    /// a pushed one is recalled while the supplier has not stocked it in; after stock-in the recall fails with
    /// <see cref="RecallRules.AlreadyStockedIn"/> and the supplier return stays where it is, flagged for both sides.
    /// </summary>
    /// <param name="supplierReturn">The supplier return this was pushed as; null when it was never pushed.</param>
    public RecallOutcome Recall(SupplierReturn? supplierReturn, DateTimeOffset now)
    {
        var outcome = RecallRules.Decide(this, supplierReturn);
        switch (outcome)
        {
            case RecallOutcome.Cancelled:
                Cancel(now);
                break;
            case RecallOutcome.Recalled:
                supplierReturn!.Recall(now);
                MarkRecalled(now);
                break;
            case RecallOutcome.RecallFailed:
                MarkRecallFailed(RecallRules.StockedIn, now);
                supplierReturn!.FlagAttention("The distributor cancelled the after-sales order after stock-in.");
                break;
        }
        return outcome;
    }

    public void MarkPushed(string supplierReturnId, IEnumerable<ReturnLine> lines, DateTimeOffset now)
    {
        if (!CanPush) throw DomainError.StateNotAllowed("push", Status);
        Status = DistributionReturnStatus.Pushed;
        SupplierReturnId = supplierReturnId;
        PushedAt = now;
        PushFailure = null;
        PushAttempts++;
        LastPushAttemptAt = now;
        _lines.Clear();
        _lines.AddRange(lines);
    }

    /// <summary>Lands in Push Failed with its code and message; the user can re-push from there.</summary>
    public void MarkPushFailed(Failure failure, DateTimeOffset now)
    {
        if (!CanPush) throw DomainError.StateNotAllowed("push", Status);
        Status = DistributionReturnStatus.PushFailed;
        PushFailure = failure;
        PushAttempts++;
        LastPushAttemptAt = now;
    }

    /// <summary>The application was cancelled before the return reached the supplier.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (!CanPush) throw DomainError.StateNotAllowed("cancel", Status);
        Status = DistributionReturnStatus.Cancelled;
        ClosedAt = now;
    }

    public void MarkRecalled(DateTimeOffset now)
    {
        if (!IsPushed) throw DomainError.StateNotAllowed("recall", Status);
        Status = DistributionReturnStatus.Recalled;
        ClosedAt = now;
    }

    public void MarkRecallFailed(Failure failure, DateTimeOffset now)
    {
        if (!IsPushed) throw DomainError.StateNotAllowed("recall", Status);
        Status = DistributionReturnStatus.RecallFailed;
        RecallFailure = failure;
        ClosedAt = now;
    }
}

/// <summary>A supplier SKU going back, with the merchant (combo) SKU it came from and its unit price at shipment.</summary>
public sealed class ReturnLine
{
    private ReturnLine() { }

    public ReturnLine(string supplierSkuCode, int quantity, string fromMerchantSkuCode, decimal unitPriceAtShipment)
    {
        SupplierSkuCode = supplierSkuCode;
        Quantity = quantity;
        FromMerchantSkuCode = fromMerchantSkuCode;
        UnitPriceAtShipment = unitPriceAtShipment;
    }

    public string SupplierSkuCode { get; private set; } = "";
    public int Quantity { get; private set; }
    public string FromMerchantSkuCode { get; private set; } = "";
    public decimal UnitPriceAtShipment { get; private set; }
}

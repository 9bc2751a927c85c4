using ReturnLoop.Features.DistributionOrders;

namespace ReturnLoop.Features.AfterSales;

public enum AfterSalesType { ReturnAndRefund, RefundOnly, Exchange, AbnormalReturn }

public enum AfterSalesStatus { ToConfirm, ConfirmReturn, ReceivedReturn, RefundProcessing, Completed, Cancelled }

/// <summary>
/// The distributor's record of a return/refund request: from a marketplace, entered by hand, or an abnormal return.
/// A platform request is the same entity with its source and the platform's own id (unique per shop).
/// </summary>
public sealed class AfterSalesOrder
{
    private readonly List<AfterSalesLine> _lines = [];

    private AfterSalesOrder() { }

    public string Id { get; private set; } = Ids.New();
    public string DistributorAccountId { get; private set; } = "";
    /// <summary>The supplier of a distribution after-sales order; null for a regular one (the seller's own stock) and for a
    /// platform return not yet linked to an order.</summary>
    public string? SupplierAccountId { get; private set; }
    /// <summary>Set for a distribution after-sales order: its original order was shipped from a supplier's warehouse.</summary>
    public string? DistributionOrderId { get; private set; }
    /// <summary>Set for a regular after-sales order: its original order is one of the seller's own store orders.</summary>
    public string? StoreOrderId { get; private set; }
    /// <summary>The warehouse the original order shipped from; null while a platform return is not linked to an order.</summary>
    public string? ShippingWarehouseId { get; private set; }
    /// <summary>Copied from the original order so the list can be searched without a join.</summary>
    public string? MarketplaceOrderNo { get; private set; }
    public Platform Source { get; private set; }
    public AfterSalesType Type { get; private set; }
    public AfterSalesStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public string? ShopId { get; private set; }
    /// <summary>The platform's return id (return_sn, return_id, reverse_order_id); unique per shop.</summary>
    public string? PlatformReturnId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? DistributionReturnId { get; private set; }
    /// <summary>The seller's own Return &amp; Stock-in of a regular after-sales order that brings goods back.</summary>
    public string? ReturnStockInId { get; private set; }
    /// <summary>
    /// A platform return that ReturnLoop cannot place by itself: an unknown status, type or reason, or no known original
    /// order. It is kept as received and shown to the seller; nothing else moves until someone looks.
    /// </summary>
    public bool NeedsAttention { get; private set; }
    public string? AttentionReason { get; private set; }
    /// <summary>What the platform sent that ReturnLoop does not know (a status, a type), kept apart from "no order" so that
    /// linking the order clears only the latter.</summary>
    public string? PlatformAttentionReason { get; private set; }
    /// <summary>The platform's own status, exactly as last received.</summary>
    public string? PlatformStatus { get; private set; }
    /// <summary>When the platform last changed the return: an older push or page never moves the order backwards.</summary>
    public DateTimeOffset? PlatformUpdatedAt { get; private set; }
    public IReadOnlyList<AfterSalesLine> Lines => _lines;

    /// <summary>Only types that bring goods back create a return &amp; stock-in – distribution (domain.md, Decision).</summary>
    public bool BringsGoodsBack => Type != AfterSalesType.RefundOnly;

    public bool CanApprove => Status == AfterSalesStatus.ToConfirm;

    /// <summary>A platform return whose original order ReturnLoop could not find: the seller links it by hand.</summary>
    public bool IsUnlinked => DistributionOrderId is null && StoreOrderId is null;

    public bool CanLink => IsUnlinked && Source != Platform.Manual;

    /// <summary>
    /// Cancelling is allowed until a refund order exists; after stock-in it is recorded but the recall fails.
    /// A refund-only request has no refund order of the supplier, so the platform may still cancel it while it is processed.
    /// </summary>
    public bool CanCancel =>
        Status is AfterSalesStatus.ToConfirm or AfterSalesStatus.ConfirmReturn or AfterSalesStatus.ReceivedReturn
        || (Type == AfterSalesType.RefundOnly && Status == AfterSalesStatus.RefundProcessing);

    public bool CanCompleteRefundOnly => Type == AfterSalesType.RefundOnly && Status == AfterSalesStatus.RefundProcessing;

    /// <summary>
    /// A manual after-sales order (source Manual): it asks back no more than is <see cref="Returnable"/>. A platform's
    /// request is recorded as the platform sends it (<see cref="Create"/>), and may name a SKU the order did not carry.
    /// </summary>
    /// <param name="earlierLines">The lines of every earlier after-sales order on this order that is not cancelled.</param>
    public static AfterSalesOrder CreateManual(DistributionOrder order, IEnumerable<AfterSalesLine> earlierLines, AfterSalesType type,
        string? reason, IEnumerable<AfterSalesLine> lines, DateTimeOffset now)
    {
        var aso = Create(order, Platform.Manual, type, reason, lines, now);
        Returnable.Ensure(order, aso.Lines, earlierLines);
        return aso;
    }

    /// <summary>A new request on a shipped order (409 <c>state.not_allowed</c> on any other).</summary>
    public static AfterSalesOrder Create(DistributionOrder order, Platform source, AfterSalesType type, string? reason,
        IEnumerable<AfterSalesLine> lines, DateTimeOffset now, string? shopId = null, string? platformReturnId = null)
    {
        if (!order.IsShipped) throw DomainError.StateNotAllowed("create an after-sales order for", order.Status);
        var aso = new AfterSalesOrder
        {
            DistributorAccountId = order.DistributorAccountId,
            SupplierAccountId = order.SupplierAccountId,
            DistributionOrderId = order.Id,
            ShippingWarehouseId = order.WarehouseId,
            MarketplaceOrderNo = order.MarketplaceOrderNo,
            Source = source,
            Type = type,
            // An abnormal return has nothing to confirm: the parcel is already coming back.
            Status = type == AfterSalesType.AbnormalReturn ? AfterSalesStatus.ConfirmReturn : AfterSalesStatus.ToConfirm,
            Reason = reason,
            ShopId = shopId,
            PlatformReturnId = platformReturnId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        aso._lines.AddRange(lines);
        if (aso._lines.Count == 0) throw DomainError.Validation("lines", "At least one line.");
        return aso;
    }

    /// <summary>
    /// A platform return whose original order is not (yet) known here: kept as received and flagged, so nothing is lost;
    /// <see cref="LinkTo(DistributionOrder, DateTimeOffset)"/> attaches it later.
    /// </summary>
    public static AfterSalesOrder CreateUnlinked(string distributorAccountId, Platform source, AfterSalesType type, string? reason,
        string? marketplaceOrderNo, IEnumerable<AfterSalesLine> lines, DateTimeOffset now, string shopId, string platformReturnId)
    {
        var aso = new AfterSalesOrder
        {
            DistributorAccountId = distributorAccountId,
            MarketplaceOrderNo = marketplaceOrderNo,
            Source = source,
            Type = type,
            Status = AfterSalesStatus.ToConfirm,
            Reason = reason,
            ShopId = shopId,
            PlatformReturnId = platformReturnId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        aso._lines.AddRange(lines);
        aso.Flag(null);
        return aso;
    }

    /// <summary>
    /// The platform's status as last received. Older news than what is applied changes nothing (false): a late push never
    /// moves an order backwards. <paramref name="platformAttention"/> says what the platform sent that ReturnLoop does not know.
    /// </summary>
    public bool ObservePlatform(string status, DateTimeOffset updatedAt, string? platformAttention, DateTimeOffset now)
    {
        if (PlatformUpdatedAt is { } applied && updatedAt < applied) return false;
        var changed = status != PlatformStatus || updatedAt != PlatformUpdatedAt;
        PlatformStatus = status;
        PlatformUpdatedAt = updatedAt;
        Flag(platformAttention);
        if (changed) UpdatedAt = now;
        return true;
    }

    /// <summary>Attaches a platform return to its distribution order, found later or chosen by the seller.</summary>
    public void LinkTo(DistributionOrder order, DateTimeOffset now)
    {
        if (!CanLink) throw DomainError.StateNotAllowed("link", IsUnlinked ? Source : "Linked");
        if (order.DistributorAccountId != DistributorAccountId) throw DomainError.NotFound("distribution order");
        if (!order.IsShipped) throw DomainError.StateNotAllowed("create an after-sales order for", order.Status);
        DistributionOrderId = order.Id;
        SupplierAccountId = order.SupplierAccountId;
        ShippingWarehouseId = order.WarehouseId;
        MarketplaceOrderNo = order.MarketplaceOrderNo ?? MarketplaceOrderNo;
        Flag(PlatformAttentionReason);
        UpdatedAt = now;
    }

    private void Flag(string? platformAttention)
    {
        PlatformAttentionReason = platformAttention;
        string?[] reasons = [IsUnlinked ? "No distribution or store order with this order number in this shop." : null, platformAttention];
        AttentionReason = string.Join(" ", reasons.OfType<string>()) is { Length: > 0 } text ? text : null;
        NeedsAttention = AttentionReason is not null;
    }

    /// <summary>ToConfirm → ConfirmReturn, or straight to RefundProcessing for a refund without goods.</summary>
    public void Approve(DateTimeOffset now)
    {
        if (!CanApprove) throw DomainError.StateNotAllowed("approve", Status);
        Status = BringsGoodsBack ? AfterSalesStatus.ConfirmReturn : AfterSalesStatus.RefundProcessing;
        UpdatedAt = now;
    }

    public void AttachDistributionReturn(string distributionReturnId) => DistributionReturnId = distributionReturnId;

    public void Cancel(DateTimeOffset now)
    {
        if (!CanCancel) throw DomainError.StateNotAllowed("cancel", Status);
        Status = AfterSalesStatus.Cancelled;
        UpdatedAt = now;
    }

    // The supplier's steps move the distributor's order along. A cancelled order stays cancelled: the buyer's word is
    // final (domain.md, Recall, Decision), yet the supplier may still stock in, refund, void and be confirmed on its
    // own side once the goods are in. So these steps are not refused on a cancelled order: they leave it as it is.

    public void MarkReceived(DateTimeOffset now) =>
        Move("receive", now, AfterSalesStatus.ReceivedReturn, AfterSalesStatus.ConfirmReturn);

    public void MarkRefundProcessing(DateTimeOffset now) =>
        Move("start the refund of", now, AfterSalesStatus.RefundProcessing, AfterSalesStatus.ReceivedReturn);

    public void MarkRefundVoided(DateTimeOffset now) =>
        Move("void the refund of", now, AfterSalesStatus.ReceivedReturn, AfterSalesStatus.RefundProcessing);

    public void MarkCompleted(DateTimeOffset now) =>
        Move("complete", now, AfterSalesStatus.Completed, AfterSalesStatus.ReceivedReturn, AfterSalesStatus.RefundProcessing);

    /// <summary>A refund-only request is finished when the refund to the buyer is done.</summary>
    public void CompleteRefundOnly(DateTimeOffset now)
    {
        if (!CanCompleteRefundOnly) throw DomainError.StateNotAllowed("complete", Status);
        Status = AfterSalesStatus.Completed;
        UpdatedAt = now;
    }

    private void Move(string action, DateTimeOffset now, AfterSalesStatus to, params AfterSalesStatus[] from)
    {
        // Silence, not a refusal: refusing would block the supplier's refund of goods it already holds.
        if (Status == AfterSalesStatus.Cancelled) return;
        if (!from.Contains(Status)) throw DomainError.StateNotAllowed(action, Status);
        Status = to;
        UpdatedAt = now;
    }
}

public sealed class AfterSalesLine
{
    private AfterSalesLine() { }

    public AfterSalesLine(string merchantSkuCode, int quantity)
    {
        MerchantSkuCode = merchantSkuCode;
        Quantity = quantity;
    }

    public string MerchantSkuCode { get; private set; } = "";
    public int Quantity { get; private set; }
}

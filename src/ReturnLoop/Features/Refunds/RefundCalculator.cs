namespace ReturnLoop.Features.Refunds;

/// <summary>The refund order's formulas (domain.md, "Refund order").</summary>
public static class RefundCalculator
{
    /// <summary>Return Amount − Unsettled − Exchange − Return Handling Fee, never below 0.</summary>
    public static decimal Refundable(decimal returnAmount, decimal unsettled, decimal exchange, decimal fee) =>
        Money.Max0(returnAmount - unsettled - exchange - fee);

    /// <summary>
    /// The part of the unsettled amount the refund deducts, which therefore settles that much of the original
    /// order: min(unsettled, Return − Exchange − Fee), not below 0. No money is lost or counted twice.
    /// </summary>
    public static decimal SettlesOfUnsettled(decimal returnAmount, decimal unsettled, decimal exchange, decimal fee) =>
        Math.Min(Money.Max0(unsettled), Money.Max0(returnAmount - exchange - fee));
}

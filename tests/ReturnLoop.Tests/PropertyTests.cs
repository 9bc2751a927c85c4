using CsCheck;

namespace ReturnLoop.Tests;

/// <summary>Invariants that hold for any amounts and any sequence of changes, not only for the worked examples.</summary>
public class PropertyTests
{
    /// <summary>An amount of 0.00 to 500.00 in a 2-decimal currency, 0.00 one time in ten.</summary>
    private static readonly Gen<decimal> Amount = Gen.Frequency((1, Gen.Const(0m)), (9, Gen.Int[0, 50_000].Select(cents => cents / 100m)));

    [Fact]
    public void Refund_neither_loses_nor_double_counts_money()
    {
        Gen.Select(Amount, Amount, Amount, Amount).Sample((returnAmount, unsettled, exchange, fee) =>
        {
            var refundable = RefundCalculator.Refundable(returnAmount, unsettled, exchange, fee);
            var settles = RefundCalculator.SettlesOfUnsettled(returnAmount, unsettled, exchange, fee);

            Assert.True(refundable >= 0m);
            Assert.InRange(settles, 0m, unsettled);
            // What the return is worth after exchange and fee goes either to the unsettled debt or to the distributor.
            Assert.Equal(Math.Max(0m, returnAmount - exchange - fee), refundable + settles);
            // Nothing is paid out while part of the debt stays unsettled.
            Assert.True(refundable == 0m || settles == unsettled);
        });
    }

    [Fact]
    public void Refund_order_settles_the_original_order_and_voiding_gives_it_back()
    {
        var gen =
            from price in Gen.Int[1, 20_000].Select(c => c / 100m)
            from shipped in Gen.Int[1, 6]
            from distributionFee in Amount
            from paidPercent in Gen.Int[0, 100]
            from returned in Gen.Int[0, shipped]
            from damaged in Gen.Int[0, returned]
            from exchange in Amount
            from handlingFee in Amount
            select (price, shipped, distributionFee, paidPercent, returned, damaged, exchange, handlingFee);

        gen.Sample(s =>
        {
            var stockOut = s.price * s.shipped + s.distributionFee;
            var paid = decimal.Round(stockOut * s.paidPercent / 100m, 2, MidpointRounding.ToZero);
            var order = A.ShippedOrder().WithLine("TS-RED", s.shipped, s.price).WithFee(s.distributionFee).Paid(paid).Build();
            var request = A.Return(order, ("TS-RED", s.shipped));
            var ret = A.ReceivedReturn(order, request,
                A.Good("TS-RED", s.returned - s.damaged), A.Damaged("TS-RED", s.damaged));
            var unsettledBefore = order.UnsettledAmount;

            var refund = RefundOrder.Create(ret, request, order, s.handlingFee, s.exchange, RefundMethod.BankTransfer, A.Bank, A.Now);
            var deduction = order.SettleByRefund(refund.SettledOnOrder, refund.Id, A.Now);

            Assert.Equal(stockOut - paid, unsettledBefore);
            Assert.Equal(s.price * s.returned, refund.ReturnAmount);
            Assert.Equal(unsettledBefore, refund.UnsettledAmount);
            Assert.InRange(order.UnsettledAmount, 0m, unsettledBefore);
            Assert.Equal(Math.Max(0m, refund.ReturnAmount - s.exchange - s.handlingFee), refund.RefundableAmount + refund.SettledOnOrder);
            Assert.Equal(order.SettledAmount, deduction.SettledAfter);

            refund.Void(A.Now);
            var reversal = order.ReverseRefundSettlement(refund.SettledOnOrder, refund.Id, A.Now);

            Assert.Equal(unsettledBefore, order.UnsettledAmount);
            Assert.Equal(paid, order.SettledAmount);
            Assert.Equal(0m, deduction.Amount + reversal.Amount);
        });
    }

    [Fact]
    public void Stock_is_the_sum_of_its_movements_and_never_negative()
    {
        // 0: signed adjustment of sellable stock, 1: ship, 2: damaged units received back.
        var operations = Gen.Select(Gen.Int[0, 2], Gen.Int[-15, 15]).Array[0, 40];

        operations.Sample(ops =>
        {
            var stock = StockLevel.Empty(A.Supplier, A.WarehouseId, "TS-RED");
            var movements = new List<StockMovement>();
            foreach (var (kind, quantity) in ops)
            {
                var (bucket, change) = kind switch
                {
                    0 => (StockBucket.Sellable, quantity),
                    1 => (StockBucket.Sellable, -Math.Abs(quantity)),
                    _ => (StockBucket.Damaged, Math.Abs(quantity)),
                };
                var before = bucket == StockBucket.Sellable ? stock.OnHand : stock.Damaged;
                try
                {
                    movements.Add(kind switch
                    {
                        0 => stock.Adjust(quantity, null, A.Now),
                        1 => stock.Ship(Math.Abs(quantity), "order-1", A.Now),
                        _ => stock.ReceiveReturn(StockBucket.Damaged, Math.Abs(quantity), "supplier-return-1", A.Now),
                    });
                    Assert.True(before + change >= 0, "a change below zero was accepted");
                    Assert.Equal(before + change, movements[^1].QuantityAfter);
                }
                catch (DomainError e)
                {
                    Assert.Equal("stock.insufficient", e.Code);
                    Assert.True(before + change < 0, "a change that kept stock at 0 or more was refused");
                }
                Assert.True(stock.OnHand >= 0 && stock.Damaged >= 0);
            }

            Assert.Equal(movements.Where(m => m.Bucket == StockBucket.Sellable).Sum(m => m.Quantity), stock.OnHand);
            Assert.Equal(movements.Where(m => m.Bucket == StockBucket.Damaged).Sum(m => m.Quantity), stock.Damaged);
        });
    }

    [Fact]
    public void Balance_is_the_sum_of_its_ledger_and_never_negative()
    {
        var operations = Gen.Select(Gen.Bool, Gen.Int[1, 10_000].Select(c => c / 100m)).Array[0, 40];

        operations.Sample(ops =>
        {
            var balance = CustomerBalance.Open(A.Supplier, A.Distributor, "MYR", A.Now);
            var ledger = new List<BalanceLedgerEntry>();
            foreach (var (credit, amount) in ops)
            {
                var before = balance.Balance;
                if (credit)
                {
                    ledger.Add(balance.Credit(amount, BalanceEntryType.RefundCredit, "refund", null, A.Now));
                }
                else if (amount > before)
                {
                    Assert.Equal("balance.insufficient",
                        A.Error(() => balance.Debit(amount, BalanceEntryType.OrderPayment, "order", null, A.Now)).Code);
                    Assert.Equal(before, balance.Balance);
                    continue;
                }
                else
                {
                    ledger.Add(balance.Debit(amount, BalanceEntryType.OrderPayment, "order", null, A.Now));
                }
                Assert.Equal(ledger.Sum(e => e.Amount), ledger[^1].BalanceAfter);
                Assert.True(balance.Balance >= 0m);
            }

            Assert.Equal(ledger.Sum(e => e.Amount), balance.Balance);
        });
    }

    [Fact]
    public void Stock_in_splits_received_units_over_the_lines_without_exceeding_any()
    {
        var gen =
            from redGood in Gen.Int[0, 3]
            from redDamaged in Gen.Int[0, 3 - redGood]
            from capGood in Gen.Int[0, 2]
            from capDamaged in Gen.Int[0, 2 - capGood]
            select (redGood, redDamaged, capGood, capDamaged);

        gen.Sample(s =>
        {
            // TS-RED is expected on two lines (2 singles, 1 from the set), CAP-BLK on one (2 from the set).
            var order = A.ShippedOrder().WithLine("TS-RED", 3, 45.00m)
                .WithCombo("SET-SUMMER", 2, ("TS-RED", 1, 45.00m), ("CAP-BLK", 2, 12.50m)).Build();
            var ret = A.Push(order, A.Return(order, ("TS-RED", 2), ("SET-SUMMER", 1))).Supplier;

            var received = ret.StockIn(A.OwnWarehouse(),
                [A.Good("TS-RED", s.redGood), A.Damaged("TS-RED", s.redDamaged), A.Good("CAP-BLK", s.capGood),
                    A.Damaged("CAP-BLK", s.capDamaged)], A.Now);

            Assert.All(ret.Lines, l => Assert.True(l.DamagedQuantity <= l.ReceivedQuantity && l.ReceivedQuantity <= l.ExpectedQuantity));
            var red = ret.Lines.Where(l => l.SupplierSkuCode == "TS-RED").ToList();
            var cap = ret.Lines.Where(l => l.SupplierSkuCode == "CAP-BLK").ToList();
            Assert.Equal((s.redGood + s.redDamaged, s.redDamaged), (red.Sum(l => l.ReceivedQuantity), red.Sum(l => l.DamagedQuantity)));
            Assert.Equal((s.capGood + s.capDamaged, s.capDamaged), (cap.Sum(l => l.ReceivedQuantity), cap.Sum(l => l.DamagedQuantity)));
            Assert.Equal(45.00m * (s.redGood + s.redDamaged) + 12.50m * (s.capGood + s.capDamaged), ret.ReturnAmount);
            Assert.Equal(s.redGood + s.redDamaged + s.capGood + s.capDamaged, received.Sum(r => r.Good + r.Damaged));
        });
    }

    [Fact]
    public void Any_amount_in_hundredths_survives_storage_and_only_whole_amounts_are_valid_in_idr()
    {
        var maxCents = (long)(Money.MaxAmount * Money.StorageScale);

        Gen.Long[-maxCents, maxCents].Sample(cents =>
        {
            var amount = cents / 100m;

            Assert.Equal(cents, Money.ToStorage(amount));
            Assert.Equal(amount, Money.FromStorage(cents));
            Assert.True(Money.HasValidPrecision(amount, "MYR"));
            Assert.Equal(cents % 100 == 0, Money.HasValidPrecision(amount, "IDR"));
        });
    }
}

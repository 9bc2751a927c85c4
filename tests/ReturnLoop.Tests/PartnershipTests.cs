namespace ReturnLoop.Tests;

/// <summary>domain.md, Glossary "partnership": Pending → Active (or Rejected) → Terminated, every period kept.</summary>
public class PartnershipTests
{
    private static readonly DateTimeOffset Applied = A.PartnershipStart.AddDays(-1);
    private static readonly DateTimeOffset Later = A.PartnershipStart.AddDays(5);

    private static Partnership InState(PartnershipStatus status)
    {
        var p = Partnership.Apply(A.Distributor, A.Supplier, Applied);
        switch (status)
        {
            case PartnershipStatus.Active: p.Accept(A.PartnershipStart); break;
            case PartnershipStatus.Rejected: p.Reject(A.PartnershipStart); break;
            case PartnershipStatus.Terminated: p.Accept(A.PartnershipStart); p.Terminate(A.PartnershipStart.AddDays(1)); break;
        }
        Assert.Equal(status, p.Status);
        return p;
    }

    private static void Do(Partnership p, string action)
    {
        switch (action)
        {
            case "accept": p.Accept(Later); break;
            case "reject": p.Reject(Later); break;
            case "terminate": p.Terminate(Later); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Fact]
    public void Applying_creates_a_pending_partnership()
    {
        var p = Partnership.Apply(A.Distributor, A.Supplier, Applied);

        Assert.Equal((PartnershipStatus.Pending, A.Distributor, A.Supplier, Applied),
            (p.Status, p.DistributorAccountId, p.SupplierAccountId, p.AppliedAt));
        Assert.Null(p.ActiveFrom);
        Assert.Null(p.TerminatedAt);
    }

    [Fact]
    public void An_account_cannot_partner_with_itself()
    {
        var error = A.Error(() => Partnership.Apply(A.Supplier, A.Supplier, Applied));

        Assert.Equal(("validation.failed", 400), (error.Code, error.Status));
        Assert.True(error.Errors!.ContainsKey("supplierAccountId"));
    }

    [Fact]
    public void Accepting_a_pending_partnership_makes_it_active_from_now()
    {
        var p = InState(PartnershipStatus.Pending);

        p.Accept(Later);

        Assert.Equal(PartnershipStatus.Active, p.Status);
        Assert.Equal(Later, p.ActiveFrom);
    }

    [Fact]
    public void Rejecting_a_pending_partnership_never_makes_it_active()
    {
        var p = InState(PartnershipStatus.Pending);

        p.Reject(Later);

        Assert.Equal(PartnershipStatus.Rejected, p.Status);
        Assert.Equal(Later, p.RejectedAt);
        Assert.Null(p.ActiveFrom);
        Assert.False(p.WasActiveAt(Later));
    }

    [Fact]
    public void Terminating_a_pending_partnership_withdraws_the_application()
    {
        var p = InState(PartnershipStatus.Pending);

        p.Terminate(Later);

        Assert.Equal(PartnershipStatus.Terminated, p.Status);
        Assert.Equal(Later, p.TerminatedAt);
        Assert.False(p.WasActiveAt(Later.AddTicks(-1)));
    }

    [Fact]
    public void Terminating_an_active_partnership_keeps_its_active_period()
    {
        var p = InState(PartnershipStatus.Active);

        p.Terminate(Later);

        Assert.Equal(PartnershipStatus.Terminated, p.Status);
        Assert.Equal((A.PartnershipStart, Later), (p.ActiveFrom, p.TerminatedAt));
    }

    [Theory]
    [InlineData(PartnershipStatus.Active, "accept")]
    [InlineData(PartnershipStatus.Active, "reject")]
    [InlineData(PartnershipStatus.Rejected, "accept")]
    [InlineData(PartnershipStatus.Rejected, "reject")]
    [InlineData(PartnershipStatus.Rejected, "terminate")]
    [InlineData(PartnershipStatus.Terminated, "accept")]
    [InlineData(PartnershipStatus.Terminated, "reject")]
    [InlineData(PartnershipStatus.Terminated, "terminate")]
    public void Partnership_refuses_transitions_its_status_does_not_allow(PartnershipStatus status, string action)
    {
        var p = InState(status);

        var error = A.Error(() => Do(p, action));

        Assert.Equal(("state.not_allowed", 409), (error.Code, error.Status));
        Assert.Equal(status, p.Status);
    }

    [Fact]
    public void Partnership_is_active_from_acceptance_up_to_but_not_including_termination()
    {
        var from = A.PartnershipStart;
        var end = from.AddDays(30);
        var p = A.Partnership(from, end);

        Assert.False(p.WasActiveAt(from.AddTicks(-1)));
        Assert.True(p.WasActiveAt(from));
        Assert.True(p.WasActiveAt(end.AddTicks(-1)));
        Assert.False(p.WasActiveAt(end));
        Assert.False(p.WasActiveAt(end.AddDays(1)));
    }

    [Fact]
    public void Active_partnership_without_termination_stays_active()
    {
        var p = A.Partnership(A.PartnershipStart);

        Assert.True(p.WasActiveAt(A.PartnershipStart.AddYears(10)));
        Assert.False(InState(PartnershipStatus.Pending).WasActiveAt(Later));
    }

    [Fact]
    public void Active_period_is_compared_by_instant_whatever_the_offset()
    {
        var p = A.Partnership(A.PartnershipStart);   // 09:00 UTC
        var sameInstantInKualaLumpur = A.PartnershipStart.ToOffset(TimeSpan.FromHours(8));
        var justBeforeInKualaLumpur = sameInstantInKualaLumpur.AddTicks(-1);

        Assert.True(p.WasActiveAt(sameInstantInKualaLumpur));
        Assert.False(p.WasActiveAt(justBeforeInKualaLumpur));
    }
}

using System.ComponentModel.DataAnnotations;

namespace ReturnLoop.Features.Partnerships;

/// <summary>A distributor applies to a supplier; the partnership waits in Pending for the supplier.</summary>
public sealed class ApplyForPartnership(AppDbContext db, TimeProvider clock)
{
    public sealed record Request([property: Required] string? SupplierAccountId);

    public async Task<Partnership> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        new Check().Required(request.SupplierAccountId, "supplierAccountId", Ids.Length).ThrowIfInvalid();
        if (!await db.Accounts.AnyAsync(a => a.Id == request.SupplierAccountId, ct)) throw DomainError.NotFound("supplier account");
        if (await db.Partnerships.AnyPartnershipAsync(distributorAccountId, request.SupplierAccountId!, open: true, ct))
            throw DomainError.Conflict("A partnership with this supplier is already pending or active.");

        var partnership = Partnership.Apply(distributorAccountId, request.SupplierAccountId!, clock.GetUtcNow());
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return partnership;
    }
}

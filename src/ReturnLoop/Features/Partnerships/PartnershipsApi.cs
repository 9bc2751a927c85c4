namespace ReturnLoop.Features.Partnerships;

public sealed record PartnershipResponse(string Id, string DistributorAccountId, string? DistributorName, string SupplierAccountId,
    string? SupplierName, PartnershipStatus Status, DateTimeOffset AppliedAt, DateTimeOffset? ActiveFrom, DateTimeOffset? RejectedAt,
    DateTimeOffset? TerminatedAt);

public static class PartnershipsApi
{
    public static IEndpointRouteBuilder MapPartnerships(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/partnerships", "Partnerships").RequirePermissionToWrite(Permission.Admin);
        g.MapPost("/", ApplyAsync).WithSummary("Distributor: apply to a supplier (→ Pending).");
        g.MapGet("/", ListAsync).WithSummary("Partnerships in both directions, with their active periods.");
        g.MapGet("/{id}", GetAsync);
        g.MapPost("/{id}/accept", (string id, ClaimsPrincipal p, DecidePartnership uc, AppDbContext db, CancellationToken ct) =>
            DecideAsync(id, PartnershipDecision.Accept, p, uc, db, ct))
            .WithSummary("Supplier: accept an application (→ Active from now).");
        g.MapPost("/{id}/reject", (string id, ClaimsPrincipal p, DecidePartnership uc, AppDbContext db, CancellationToken ct) =>
            DecideAsync(id, PartnershipDecision.Reject, p, uc, db, ct))
            .WithSummary("Supplier: reject an application.");
        g.MapPost("/{id}/terminate", (string id, ClaimsPrincipal p, DecidePartnership uc, AppDbContext db, CancellationToken ct) =>
            DecideAsync(id, PartnershipDecision.Terminate, p, uc, db, ct))
            .WithSummary("Either side: end the cooperation (orders from its period can still be pushed).");
        return app;
    }

    private static async Task<Created<PartnershipResponse>> ApplyAsync(ApplyForPartnership.Request request, ClaimsPrincipal principal,
        ApplyForPartnership useCase, AppDbContext db, CancellationToken ct)
    {
        var p = await useCase.HandleAsync(principal.AccountId(), request, ct);
        return TypedResults.Created($"/api/v1/partnerships/{p.Id}", (await db.ToResponsesAsync([p], ct))[0]);
    }

    private static async Task<Ok<PartnershipResponse>> DecideAsync(string id, PartnershipDecision decision, ClaimsPrincipal principal,
        DecidePartnership useCase, AppDbContext db, CancellationToken ct)
    {
        var p = await useCase.HandleAsync(principal.AccountId(), id, decision, ct);
        return TypedResults.Ok((await db.ToResponsesAsync([p], ct))[0]);
    }

    private static async Task<Ok<Page<PartnershipResponse>>> ListAsync(ClaimsPrincipal principal, AppDbContext db,
        PartnershipStatus? status, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await db.PartnershipsOf(principal.AccountId(), status)
            .ToPageAsync(PageRequest.From(limit, cursor), rows => db.ToResponsesAsync(rows, ct), ct));

    private static async Task<Ok<PartnershipResponse>> GetAsync(string id, ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var p = await db.Partnerships.AsNoTracking().FindForPartyAsync(principal.AccountId(), id, ct);
        return TypedResults.Ok((await db.ToResponsesAsync([p], ct))[0]);
    }

    private static async Task<IReadOnlyList<PartnershipResponse>> ToResponsesAsync(this AppDbContext db, IReadOnlyList<Partnership> rows,
        CancellationToken ct)
    {
        var ids = rows.SelectMany(p => new[] { p.DistributorAccountId, p.SupplierAccountId }).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(p => new PartnershipResponse(
            Id: p.Id,
            DistributorAccountId: p.DistributorAccountId,
            DistributorName: names.GetValueOrDefault(p.DistributorAccountId),
            SupplierAccountId: p.SupplierAccountId,
            SupplierName: names.GetValueOrDefault(p.SupplierAccountId),
            Status: p.Status,
            AppliedAt: p.AppliedAt,
            ActiveFrom: p.ActiveFrom,
            RejectedAt: p.RejectedAt,
            TerminatedAt: p.TerminatedAt)).ToList();
    }
}

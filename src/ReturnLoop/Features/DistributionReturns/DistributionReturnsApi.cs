using ReturnLoop.Features.Accounts;

namespace ReturnLoop.Features.DistributionReturns;

public sealed record FailureResponse(string Code, string Message);

public sealed record DistributionReturnLineResponse(string SupplierSkuCode, int Quantity, string FromMerchantSkuCode);

public sealed record DistributionReturnResponse(string Id, string AfterSalesOrderId, string DistributionOrderId, string SupplierAccountId,
    string WarehouseId, DistributionReturnStatus Status, FailureResponse? PushFailure, FailureResponse? RecallFailure,
        string? SupplierReturnId,
    DateTimeOffset? PushedAt, int PushAttempts, DateTimeOffset CreatedAt, IReadOnlyList<DistributionReturnLineResponse> Lines);

public sealed record PushResultResponse(string Id, DistributionReturnStatus? Status, FailureResponse? PushFailure, string? SupplierReturnId,
    FailureResponse? Error);

public sealed record BulkPushResponse(IReadOnlyList<PushResultResponse> Results);

public sealed record DistributionReturnSettings(bool AutoPush);

/// <summary>Return &amp; Stock-in – Distribution: To Push, Push Failed, Pushed, Recalled, RecallFailed, Cancelled.</summary>
public static class DistributionReturnsApi
{
    public static DistributionReturnResponse ToResponse(this DistributionReturn r) => new(
        Id: r.Id,
        AfterSalesOrderId: r.AfterSalesOrderId,
        DistributionOrderId: r.DistributionOrderId,
        SupplierAccountId: r.SupplierAccountId,
        WarehouseId: r.WarehouseId,
        Status: r.Status,
        PushFailure: r.PushFailure.ToResponse(),
        RecallFailure: r.RecallFailure.ToResponse(),
        SupplierReturnId: r.SupplierReturnId,
        PushedAt: r.PushedAt,
        PushAttempts: r.PushAttempts,
        CreatedAt: r.CreatedAt,
        Lines: r.Lines.Select(l => new DistributionReturnLineResponse(l.SupplierSkuCode, l.Quantity, l.FromMerchantSkuCode)).ToList());

    private static FailureResponse? ToResponse(this Failure? f) => f is null ? null : new FailureResponse(f.Code, f.Message);

    private static FailureResponse ToResponse(this DomainError e) => new(e.Code, e.Message);

    private static PushResultResponse ToResponse(this PushDistributionReturns.Outcome o) => new(
        Id: o.Id,
        Status: o.Return?.Status,
        PushFailure: o.PushFailed ? o.Return!.PushFailure.ToResponse() : null,
        SupplierReturnId: o.Return?.SupplierReturnId,
        Error: o.Error?.ToResponse());

    public static IEndpointRouteBuilder MapDistributionReturns(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/v1/distribution-returns", "Return & Stock-in – Distribution")
            .RequirePermissionToWrite(Permission.AfterSales);
        g.MapGet("/", ListAsync)
            .WithSummary("Return & Stock-in – Distribution, newest first; each failed push with its pushFailure {code, message}.");
        g.MapGet("/counts", CountsAsync);
        g.MapGet("/{id}",
            async Task<Ok<DistributionReturnResponse>> (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.DistributionReturns.AsNoTracking().FindForDistributorAsync(p.AccountId(), id, ct)).ToResponse()));
        g.MapPost("/{id}/push", PushOneAsync).WithSummary(
            "Push or re-push one: 200 with the order, or 422 with the failing rule's code (the order then sits in PushFailed).");
        g.MapPost("/push", PushManyAsync).WithSummary(
            "Push or re-push many: a result per id. The batch is saved in one transaction; "
            + "if another writer wins a race, each return is retried on its own.");

        var settings = app.MapApiGroup("/api/v1/settings/distribution-returns", "Return & Stock-in – Distribution")
            .RequirePermissionToWrite(Permission.AfterSales);
        settings.MapGet("/", async Task<Ok<DistributionReturnSettings>> (ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(new DistributionReturnSettings((await db.AccountAsync(p.AccountId(), ct)).AutoPushReturns)));
        settings.MapPut("/", UpdateSettingsAsync)
            .WithSummary("Auto-push on: a new return & stock-in – distribution is pushed at once. Default off.");
        return app;
    }

    private static async Task<Results<Ok<DistributionReturnResponse>, ProblemHttpResult>> PushOneAsync(string id, ClaimsPrincipal p,
        PushDistributionReturns useCase, CancellationToken ct)
    {
        var outcome = await useCase.HandleAsync(p.AccountId(), id, ct);
        if (outcome.Error is { } error) throw error;
        var response = outcome.Return!.ToResponse();
        if (!outcome.PushFailed) return TypedResults.Ok(response);
        var failure = outcome.Return!.PushFailure!;
        return ProblemDetailsMapping.Problem(DomainError.Rule(failure.Code, failure.Message),
            new Dictionary<string, object?> { ["distributionReturn"] = response });
    }

    private static async Task<Ok<BulkPushResponse>> PushManyAsync(PushDistributionReturns.Request request, ClaimsPrincipal p,
        PushDistributionReturns useCase, CancellationToken ct)
    {
        var outcomes = await useCase.HandleAsync(p.AccountId(), request, ct);
        return TypedResults.Ok(new BulkPushResponse(outcomes.Select(o => o.ToResponse()).ToList()));
    }

    private static async Task<Ok<DistributionReturnSettings>> UpdateSettingsAsync(UpdateAutoPush.Request request, ClaimsPrincipal p,
        UpdateAutoPush useCase, CancellationToken ct) =>
        TypedResults.Ok(new DistributionReturnSettings((await useCase.HandleAsync(p.AccountId(), request, ct)).AutoPushReturns));

    private static async Task<Ok<Page<DistributionReturnResponse>>> ListAsync(ClaimsPrincipal p, AppDbContext db,
        DistributionReturnStatus? status, string? supplierId, string? afterSalesOrderId, int? limit, string? cursor,
            CancellationToken ct) =>
        TypedResults.Ok(await db.DistributionReturnsOf(p.AccountId(), status, supplierId, afterSalesOrderId)
            .ToPageAsync(PageRequest.From(limit, cursor), r => r.ToResponse(), ct));

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(ClaimsPrincipal p, AppDbContext db, string? supplierId,
        CancellationToken ct) =>
        TypedResults.Ok(await db.DistributionReturnCountsAsync(p.AccountId(), supplierId, ct));
}

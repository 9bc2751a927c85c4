namespace ReturnLoop.Features.Refunds;

public sealed record BankAccountResponse(string BankName, string AccountName, string AccountNumber);

public sealed record RefundOrderResponse(string Id, string SupplierReturnId, string AfterSalesOrderId, string DistributionOrderId, string SupplierAccountId,
    string DistributorAccountId, string Currency, decimal ReturnAmount, decimal ReturnHandlingFee, decimal UnsettledAmount, decimal ExchangeAmount,
    decimal RefundableAmount, decimal SettledOnOrder, RefundMethod Method, RefundStatus Status, BankAccountResponse? BankAccount, bool HasPaymentProof,
    string? NotReceivedNote, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? VoidedAt);

/// <summary>
/// Refund orders, seen from both sides: the supplier's Refund Orders and the distributor's After-Sales Refund page
/// (same ids). The payment proof of a bank transfer is served to both.
/// </summary>
public static class RefundsApi
{
    public static RefundOrderResponse ToResponse(this RefundOrder r)
    {
        decimal M(decimal v) => Money.Present(v, r.Currency);
        return new(r.Id, r.SupplierReturnId, r.AfterSalesOrderId, r.DistributionOrderId, r.SupplierAccountId, r.DistributorAccountId, r.Currency,
            M(r.ReturnAmount), M(r.ReturnHandlingFee), M(r.UnsettledAmount), M(r.ExchangeAmount), M(r.RefundableAmount), M(r.SettledOnOrder), r.Method,
            r.Status, r.BankAccount is { } b ? new BankAccountResponse(b.BankName, b.AccountName, b.AccountNumber) : null, r.HasPaymentProof,
            r.NotReceivedNote, r.CreatedAt, r.CompletedAt, r.VoidedAt);
    }

    public static IEndpointRouteBuilder MapRefunds(this IEndpointRouteBuilder app)
    {
        var supplier = app.MapApiGroup("/api/v1/supplier/refund-orders", "Refund orders (supplier)");
        supplier.MapGet("/", (ClaimsPrincipal p, AppDbContext db, RefundStatus? status, RefundMethod? method, string? distributorId, int? limit, string? cursor, CancellationToken ct) =>
            ListAsync(Mine(db, p, asSupplier: true, status, method, distributorId), limit, cursor, ct)).WithSummary("My refund orders to distributors.");
        supplier.MapGet("/counts", (ClaimsPrincipal p, AppDbContext db, RefundMethod? method, string? distributorId, CancellationToken ct) =>
            CountsAsync(Mine(db, p, asSupplier: true, null, method, distributorId), ct));
        supplier.MapGet("/{id}", (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) => GetAsync(db, p, asSupplier: true, id, ct));
        supplier.MapGet("/{id}/payment-proof", (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) => ProofAsync(db, p, asSupplier: true, id, ct));
        supplier.MapPost("/{id}/payment-proof", async Task<Ok<RefundOrderResponse>> (string id, IFormFile file, ClaimsPrincipal p, UploadPaymentProof useCase, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, file.FileName, stream, file.Length, ct)).ToResponse());
        }).DisableAntiforgery().WithSummary("multipart/form-data with one file part named 'file': PNG, JPEG or PDF (checked by content), at most 10 MB.");
        supplier.MapPost("/{id}/void", async Task<Ok<RefundOrderResponse>> (string id, ClaimsPrincipal p, VoidRefundOrder useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Void a refund the distributor has not confirmed; the return can be refunded anew.");

        var distributor = app.MapApiGroup("/api/v1/after-sales-refunds", "After-Sales Refund (distributor)");
        distributor.MapGet("/", (ClaimsPrincipal p, AppDbContext db, RefundStatus? status, RefundMethod? method, string? supplierId, int? limit, string? cursor, CancellationToken ct) =>
            ListAsync(Mine(db, p, asSupplier: false, status, method, supplierId), limit, cursor, ct)).WithSummary("The suppliers' refund orders to me.");
        distributor.MapGet("/counts", (ClaimsPrincipal p, AppDbContext db, RefundMethod? method, string? supplierId, CancellationToken ct) =>
            CountsAsync(Mine(db, p, asSupplier: false, null, method, supplierId), ct));
        distributor.MapGet("/{id}", (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) => GetAsync(db, p, asSupplier: false, id, ct));
        distributor.MapGet("/{id}/payment-proof", (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) => ProofAsync(db, p, asSupplier: false, id, ct))
            .WithSummary("The uploaded payment proof file.");
        distributor.MapPost("/{id}/confirm-receipt", async Task<Ok<RefundOrderResponse>> (string id, ClaimsPrincipal p, ConfirmRefundReceipt useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("The bank transfer arrived: the refund, the supplier return and the after-sales order complete.");
        distributor.MapPost("/{id}/report-not-received", async Task<Ok<RefundOrderResponse>> (string id, ReportRefundNotReceived.Request? request, ClaimsPrincipal p, ReportRefundNotReceived useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request ?? new(null), ct)).ToResponse()))
            .WithSummary("The transfer has not arrived: back to the supplier with a note.");
        return app;
    }

    private static IQueryable<RefundOrder> Mine(AppDbContext db, ClaimsPrincipal p, bool asSupplier, RefundStatus? status, RefundMethod? method, string? partnerId)
    {
        var me = p.AccountId();
        var query = db.RefundOrders.AsNoTracking();
        query = asSupplier ? query.Where(r => r.SupplierAccountId == me) : query.Where(r => r.DistributorAccountId == me);
        if (partnerId is not null)
            query = asSupplier ? query.Where(r => r.DistributorAccountId == partnerId) : query.Where(r => r.SupplierAccountId == partnerId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (method is { } m) query = query.Where(r => r.Method == m);
        return query;
    }

    private static async Task<Ok<Page<RefundOrderResponse>>> ListAsync(IQueryable<RefundOrder> query, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), r => r.ToResponse(), ct));

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(IQueryable<RefundOrder> query, CancellationToken ct) =>
        TypedResults.Ok(await query.CountByStatusAsync(r => r.Status, ct));

    private static async Task<Ok<RefundOrderResponse>> GetAsync(AppDbContext db, ClaimsPrincipal p, bool asSupplier, string id, CancellationToken ct) =>
        TypedResults.Ok((await Mine(db, p, asSupplier, null, null, null).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw DomainError.NotFound("refund order")).ToResponse());

    private static async Task<FileContentHttpResult> ProofAsync(AppDbContext db, ClaimsPrincipal p, bool asSupplier, string id, CancellationToken ct)
    {
        if (!await Mine(db, p, asSupplier, null, null, null).AnyAsync(r => r.Id == id, ct)) throw DomainError.NotFound("refund order");
        var proof = await db.PaymentProofs.AsNoTracking().SingleOrDefaultAsync(x => x.RefundOrderId == id, ct) ?? throw DomainError.NotFound("payment proof");
        return TypedResults.File(proof.Content, proof.ContentType, proof.FileName);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ReturnLoop.Infrastructure.Storage;

namespace ReturnLoop.Features.Refunds;

public sealed record BankAccountResponse(string BankName, string AccountName, string AccountNumber);

public sealed record RefundOrderResponse(string Id, string SupplierReturnId, string AfterSalesOrderId, string DistributionOrderId,
    string SupplierAccountId, string DistributorAccountId, string Currency, decimal ReturnAmount, decimal ReturnHandlingFee,
    decimal UnsettledAmount, decimal ExchangeAmount, decimal RefundableAmount, decimal SettledOnOrder, RefundMethod Method,
        RefundStatus Status,
    BankAccountResponse? BankAccount, bool HasPaymentProof, string? NotReceivedNote, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? VoidedAt);

/// <summary>The upload form of api.md, for the OpenAPI document: multipart/form-data with one file part named <c>file</c>.</summary>
public sealed record PaymentProofUpload(IFormFile File);

/// <summary>
/// Refund orders, seen from both sides: the supplier's Refund Orders and the distributor's After-Sales Refund page
/// (same ids). The payment proof of a bank transfer is served to both.
/// </summary>
public static class RefundsApi
{
    public static RefundOrderResponse ToResponse(this RefundOrder r)
    {
        decimal M(decimal v) => Money.Present(v, r.Currency);
        return new(
            Id: r.Id,
            SupplierReturnId: r.SupplierReturnId,
            AfterSalesOrderId: r.AfterSalesOrderId,
            DistributionOrderId: r.DistributionOrderId,
            SupplierAccountId: r.SupplierAccountId,
            DistributorAccountId: r.DistributorAccountId,
            Currency: r.Currency,
            ReturnAmount: M(r.ReturnAmount),
            ReturnHandlingFee: M(r.ReturnHandlingFee),
            UnsettledAmount: M(r.UnsettledAmount),
            ExchangeAmount: M(r.ExchangeAmount),
            RefundableAmount: M(r.RefundableAmount),
            SettledOnOrder: M(r.SettledOnOrder),
            Method: r.Method,
            Status: r.Status,
            BankAccount: r.BankAccount is { } b ? new BankAccountResponse(b.BankName, b.AccountName, b.AccountNumber) : null,
            HasPaymentProof: r.HasPaymentProof,
            NotReceivedNote: r.NotReceivedNote,
            CreatedAt: r.CreatedAt,
            CompletedAt: r.CompletedAt,
            VoidedAt: r.VoidedAt);
    }

    public static IEndpointRouteBuilder MapRefunds(this IEndpointRouteBuilder app)
    {
        var supplier = app.MapApiGroup("/api/v1/supplier/refund-orders", "Refund orders (supplier)")
            .RequirePermissionToWrite(Permission.Money);
        supplier.MapGet("/",
            (ClaimsPrincipal p, AppDbContext db, RefundStatus? status, RefundMethod? method, string? distributorId, int? limit,
            string? cursor, CancellationToken ct) =>
            ListAsync(db.RefundOrdersOf(p.AccountId(), asSupplier: true, status, method, distributorId), limit, cursor, ct))
            .WithSummary("My refund orders to distributors.");
        supplier.MapGet("/counts",
            (ClaimsPrincipal p, AppDbContext db, RefundMethod? method, string? distributorId, CancellationToken ct) =>
            CountsAsync(db.RefundCountsAsync(p.AccountId(), asSupplier: true, method, distributorId, ct)));
        supplier.MapGet("/{id}", (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            GetAsync(db, p, asSupplier: true, id, ct));
        supplier.MapGet("/{id}/payment-proof", (string id, ClaimsPrincipal p, AppDbContext db, IFileStore store, HttpContext http,
            CancellationToken ct) => ProofAsync(db, store, http, p, asSupplier: true, id, ct));
        supplier.MapPost("/{id}/payment-proof", UploadProofAsync)
            .Accepts<PaymentProofUpload>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(PaymentProofFormat.MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .WithSummary("multipart/form-data with one file part named 'file': PNG, JPEG or PDF (checked by content), at most 10 MB.");
        supplier.MapPost("/{id}/void", async Task<Ok<RefundOrderResponse>> (string id, ClaimsPrincipal p, VoidRefundOrder useCase,
            CancellationToken ct) => TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("Void a refund the distributor has not confirmed; the return can be refunded anew.");

        var distributor = app.MapApiGroup("/api/v1/after-sales-refunds", "After-Sales Refund (distributor)")
            .RequirePermissionToWrite(Permission.Money);
        distributor.MapGet("/",
            (ClaimsPrincipal p, AppDbContext db, RefundStatus? status, RefundMethod? method, string? supplierId, int? limit,
            string? cursor, CancellationToken ct) =>
            ListAsync(db.RefundOrdersOf(p.AccountId(), asSupplier: false, status, method, supplierId), limit, cursor, ct))
            .WithSummary("The suppliers' refund orders to me.");
        distributor.MapGet("/counts",
            (ClaimsPrincipal p, AppDbContext db, RefundMethod? method, string? supplierId, CancellationToken ct) =>
            CountsAsync(db.RefundCountsAsync(p.AccountId(), asSupplier: false, method, supplierId, ct)));
        distributor.MapGet("/{id}", (string id, ClaimsPrincipal p, AppDbContext db, CancellationToken ct) =>
            GetAsync(db, p, asSupplier: false, id, ct));
        distributor.MapGet("/{id}/payment-proof", (string id, ClaimsPrincipal p, AppDbContext db, IFileStore store, HttpContext http,
            CancellationToken ct) => ProofAsync(db, store, http, p, asSupplier: false, id, ct))
            .WithSummary("The uploaded payment proof file.");
        distributor.MapPost("/{id}/confirm-receipt", async Task<Ok<RefundOrderResponse>> (string id, ClaimsPrincipal p,
            ConfirmRefundReceipt useCase, CancellationToken ct) =>
                TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, ct)).ToResponse()))
            .WithSummary("The bank transfer arrived: the refund, the supplier return and the after-sales order complete.");
        distributor.MapPost("/{id}/report-not-received",
            async Task<Ok<RefundOrderResponse>> (string id, ReportRefundNotReceived.Request? request,
            ClaimsPrincipal p, ReportRefundNotReceived useCase, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(p.AccountId(), id, request ?? new(null), ct)).ToResponse()))
            .WithSummary("The transfer has not arrived: back to the supplier with a note.");
        return app;
    }

    /// <summary>
    /// Streams the part named <c>file</c> of the multipart body into the use case: nothing is buffered before the
    /// refund is found, a body over the route's limit is refused from its length before it is read (413
    /// <c>proof.too_large</c>), and the file is read once into one bounded buffer.
    /// </summary>
    private static async Task<Ok<RefundOrderResponse>> UploadProofAsync(string id, HttpRequest request, ClaimsPrincipal p,
        UploadPaymentProof useCase, CancellationToken ct)
    {
        if (request.ContentLength > PaymentProofFormat.MaxRequestBytes) throw PaymentProofFormat.TooLarge();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 } boundary)
            throw new BadHttpRequestException("A payment proof is sent as multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);

        try
        {
            var reader = new MultipartReader(boundary.Value!, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.GetContentDispositionHeader() is not { } disposition || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                    continue;   // another part: skipped without being kept
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar
                    : disposition.FileName).Value;
                var refund = await useCase.HandleAsync(p.AccountId(), id, fileName, section.Body, request.ContentLength,
                    p.FindFirstValue(Tenant.UserClaim), ct);
                return TypedResults.Ok(refund.ToResponse());
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw PaymentProofFormat.TooLarge();   // the server's own limit on the body, hit while streaming
        }
        throw DomainError.Validation("file", "One file part named 'file' is required.");
    }

    private static async Task<Ok<Page<RefundOrderResponse>>> ListAsync(IQueryable<RefundOrder> query, int? limit, string? cursor,
        CancellationToken ct) =>
        TypedResults.Ok(await query.ToPageAsync(PageRequest.From(limit, cursor), r => r.ToResponse(), ct));

    private static async Task<Ok<Dictionary<string, int>>> CountsAsync(Task<Dictionary<string, int>> counts) =>
        TypedResults.Ok(await counts);

    private static async Task<Ok<RefundOrderResponse>> GetAsync(AppDbContext db, ClaimsPrincipal p, bool asSupplier, string id,
        CancellationToken ct) =>
        TypedResults.Ok((await db.RefundOrdersOf(p.AccountId(), asSupplier, null, null, null).SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw DomainError.NotFound("refund order")).ToResponse());

    /// <summary>
    /// The proof file, to the refund's supplier and distributor only (anyone else: 404), always as a download
    /// (<c>Content-Disposition: attachment</c>) and never sniffed, so a crafted file cannot run as a page.
    /// </summary>
    private static async Task<FileStreamHttpResult> ProofAsync(AppDbContext db, IFileStore store, HttpContext http, ClaimsPrincipal p,
        bool asSupplier, string id, CancellationToken ct)
    {
        if (!await db.RefundOrdersOf(p.AccountId(), asSupplier, null, null, null).AnyAsync(r => r.Id == id, ct))
            throw DomainError.NotFound("refund order");
        // Twice at most: a replacing upload may delete the file between reading its row and opening it.
        for (var attempt = 1; ; attempt++)
        {
            var proof = await db.PaymentProofs.AsNoTracking().Where(x => x.RefundOrderId == id)
                .Select(x => new { x.FileName, x.ContentType, x.StorageKey, x.Content })
                .SingleOrDefaultAsync(ct) ?? throw DomainError.NotFound("payment proof");
            var content = proof.StorageKey is { } key ? await store.OpenAsync(key, ct)
                : proof.Content is { } old ? new MemoryStream(old, writable: false)   // a proof from before the file store
                : null;
            if (content is null && attempt < 2) continue;
            if (content is null) throw DomainError.NotFound("payment proof");
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Stream(content, proof.ContentType, proof.FileName);
        }
    }
}

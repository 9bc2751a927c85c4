using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReturnLoop.Data;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Infrastructure.Storage;
using ReturnLoop.IntegrationTests.Infrastructure;

namespace ReturnLoop.IntegrationTests;

/// <summary>
/// Issue 10, uploads: payment proofs are told by their bytes, size-limited, kept in the file store under random names
/// outside the web root (the row holds the metadata), and served as a download to the refund's two parties only.
/// </summary>
public sealed class PaymentProofStoreTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_png_named_pdf_is_stored_as_a_png_under_a_random_name_outside_the_web_root_and_served_to_the_two_parties_only(
        DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var refundId = await BankTransferRefund(w);
        var store = Store(w);

        var png = LoopSteps.Png(5000);
        Assert.True((await w.UploadProof(refundId, png, "transfer.pdf", "application/pdf")).Ok().Bool("hasPaymentProof"));

        var proof = await Proof(w, refundId);
        Assert.Equal("image/png", proof.ContentType);
        Assert.Equal("transfer.pdf", proof.FileName);
        Assert.Equal(png.Length, proof.Size);
        Assert.Null(proof.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), proof.Sha256);
        Assert.False(string.IsNullOrEmpty(proof.UploadedBy));
        // The name on disk is the store's random key, nothing of the client's name, in the store and not under the web root.
        Assert.Matches("^[0-9a-f]{32}$", proof.StorageKey!);
        var path = store.PathOf(proof.StorageKey!)!;
        Assert.Equal(png, await File.ReadAllBytesAsync(path));
        Assert.DoesNotContain("transfer", path);
        Assert.True(StorageSetup.IsUnder(path, w.App.StoragePath));
        var environment = w.App.Services.GetRequiredService<IWebHostEnvironment>();
        Assert.False(StorageSetup.IsUnder(path, environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot")));

        // Both parties download it as an attachment that is never sniffed.
        foreach (var (api, url) in new[] { (w.Supplier, $"/api/v1/supplier/refund-orders/{refundId}/payment-proof"),
            (w.Distributor, $"/api/v1/after-sales-refunds/{refundId}/payment-proof") })
        {
            using var response = await api.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("transfer.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        }

        // A third account gets 404 on both sides' routes, as if the refund did not exist.
        var (third, _) = await World.SignUpAsync(w.App, "Third");
        (await third.Get($"/api/v1/supplier/refund-orders/{refundId}/payment-proof")).Problem(HttpStatusCode.NotFound, "not_found");
        (await third.Get($"/api/v1/after-sales-refunds/{refundId}/payment-proof")).Problem(HttpStatusCode.NotFound, "not_found");
        // Neither does the distributor through the supplier's route.
        (await w.Distributor.Get($"/api/v1/supplier/refund-orders/{refundId}/payment-proof"))
            .Problem(HttpStatusCode.NotFound, "not_found");

        // A text file named .png and a file over 10 MB are refused and store nothing: every file in the store (which other
        // tests share) is a PNG, JPEG or PDF of at most 10 MB.
        (await w.UploadProof(refundId, "just some text, not an image"u8.ToArray(), "proof.png", "image/png"))
            .Problem(HttpStatusCode.UnsupportedMediaType, "proof.unsupported_type");
        (await w.UploadProof(refundId, LoopSteps.Png(10 * 1024 * 1024 + 1), "big.png", "image/png"))
            .Problem(HttpStatusCode.RequestEntityTooLarge, "proof.too_large");
        Assert.All(Files(w), file =>
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (FileNotFoundException)
            {
                return;   // replaced meanwhile by another test's upload
            }
            Assert.True(bytes.Length <= PaymentProofFormat.MaxBytes, file);
            Assert.NotNull(PaymentProofFormat.Detect(bytes));
        });
        Assert.Equal(proof.StorageKey, (await Proof(w, refundId)).StorageKey);

        // A new proof replaces the old one: its file is deleted, the new one is the only one of this refund.
        var jpeg = LoopSteps.Jpeg(3000);
        (await w.UploadProof(refundId, jpeg, "scan.jpg", "image/jpeg")).Ok();
        var replaced = await Proof(w, refundId);
        Assert.NotEqual(proof.StorageKey, replaced.StorageKey);
        Assert.False(File.Exists(path));
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(store.PathOf(replaced.StorageKey!)!));
        Assert.Equal(jpeg, (await w.Distributor.Get($"/api/v1/after-sales-refunds/{refundId}/payment-proof")).Ok().Body);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_proof_kept_in_the_database_before_the_file_store_is_still_served_until_replaced(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var refundId = await BankTransferRefund(w);
        (await w.UploadProof(refundId, LoopSteps.Png(), "p.png")).Ok();
        var stored = await Proof(w, refundId);
        File.Delete(Store(w).PathOf(stored.StorageKey!)!);

        // A row as the earlier versions wrote it: the bytes in the row, no key, no hash.
        var old = LoopSteps.Pdf(20_000);
        await using (var db = w.App.NewDbContext())
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "PaymentProofs" SET "Content" = {old}, "StorageKey" = NULL, "Sha256" = NULL, "UploadedBy" = NULL,
                "ContentType" = 'application/pdf', "Size" = {old.Length} WHERE "RefundOrderId" = {refundId}
                """);
        }
        foreach (var (api, url) in new[] { (w.Supplier, $"/api/v1/supplier/refund-orders/{refundId}/payment-proof"),
            (w.Distributor, $"/api/v1/after-sales-refunds/{refundId}/payment-proof") })
        {
            using var response = await api.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(old, await response.Content.ReadAsByteArrayAsync());
        }

        // Replacing it moves the proof into the store and empties the old column.
        var png = LoopSteps.Png(777);
        (await w.UploadProof(refundId, png, "new.png")).Ok();
        var replaced = await Proof(w, refundId);
        Assert.Null(replaced.Content);
        Assert.Equal(png, await File.ReadAllBytesAsync(Store(w).PathOf(replaced.StorageKey!)!));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Files_no_row_refers_to_are_swept_once_old_enough_and_the_others_are_kept(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var refundId = await BankTransferRefund(w);
        (await w.UploadProof(refundId, LoopSteps.Png(), "p.png")).Ok();
        var store = Store(w);
        var kept = store.PathOf((await Proof(w, refundId)).StorageKey!)!;

        // What a process killed between writing a file and committing its row leaves: a file, and a half-written temp file.
        var orphan = store.PathOf(await store.SaveAsync(new MemoryStream(LoopSteps.Png()), default))!;
        var young = store.PathOf(await store.SaveAsync(new MemoryStream(LoopSteps.Png()), default))!;
        var temp = orphan + "x.tmp";
        await File.WriteAllBytesAsync(temp, [1, 2, 3]);
        var longAgo = DateTime.UtcNow.AddHours(-2);
        foreach (var file in new[] { kept, orphan, temp }) File.SetLastWriteTimeUtc(file, longAgo);

        var sweeper = w.App.Services.GetServices<IHostedService>().OfType<OrphanFileSweeper>().Single();
        await sweeper.SweepAsync(default);

        Assert.True(File.Exists(kept));
        Assert.True(File.Exists(young));   // maybe an upload whose row is still being saved
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(temp));
        Assert.Equal(LoopSteps.Png().Length, (await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refundId}/payment-proof")).Ok()
            .Body.Length);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_proof_whose_row_cannot_be_saved_leaves_no_file_behind(DatabaseProvider provider)
    {
        var w = await World.CreateAsync(provider);
        var refundId = await BankTransferRefund(w);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, w.App.ConnectionString);
        options.AddInterceptors(new FailingProofSave());
        await using var db = new AppDbContext(options.Options);
        var png = LoopSteps.Png(43_210);
        var upload = new UploadPaymentProof(db, w.App.Services.GetRequiredService<IFileStore>(), TimeProvider.System);

        var failed = await Assert.ThrowsAsync<IOException>(() =>
            upload.HandleAsync(w.SupplierId, refundId, "p.png", new MemoryStream(png), png.Length, null, default));
        Assert.Equal(FailingProofSave.Message, failed.Message);

        // The file written before the save was deleted again; no row, no proof on the refund.
        var hash = Convert.ToHexStringLower(SHA256.HashData(png));
        Assert.DoesNotContain(Files(w), f => HashOf(f) == hash);
        await using var check = w.App.NewDbContext();
        Assert.False(await check.PaymentProofs.AnyAsync(p => p.RefundOrderId == refundId));
        Assert.False((await w.Supplier.Get($"/api/v1/supplier/refund-orders/{refundId}")).Ok().Bool("hasPaymentProof"));
    }

    /// <summary>The database refuses the save of a payment proof (a lost connection, a full disk).</summary>
    private sealed class FailingProofSave : SaveChangesInterceptor
    {
        public const string Message = "The database went away.";

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<PaymentProof>().Any() ? throw new IOException(Message) : ValueTask.FromResult(result);
    }

    private static string? HashOf(string file)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }
        catch (FileNotFoundException)
        {
            return null;   // replaced meanwhile by another test's upload
        }
    }

    [Fact]
    public void The_store_refuses_a_folder_inside_the_web_root_and_keys_never_leave_it()
    {
        Assert.True(StorageSetup.IsUnder("/srv/app/wwwroot/files", "/srv/app/wwwroot"));
        Assert.True(StorageSetup.IsUnder("/srv/app/wwwroot", "/srv/app/wwwroot"));
        Assert.False(StorageSetup.IsUnder("/srv/app/App_Data/files", "/srv/app/wwwroot"));
        Assert.False(StorageSetup.IsUnder("/srv/app/wwwroot2", "/srv/app/wwwroot"));
        var store = new FileSystemFileStore(Path.Combine(Path.GetTempPath(), $"returnloop-files-{Guid.NewGuid():N}"));
        Assert.Null(store.PathOf("../../etc/passwd"));
        Assert.Null(store.PathOf("ab/../../x"));
        Assert.Null(store.PathOf("0123456789ABCDEF0123456789abcdef"));
    }

    private static async Task<string> BankTransferRefund(World w)
    {
        var sku = await w.Product("TS-RED", 45.00m);
        var (_, _, _, supplierReturnId) = await w.ReceivedReturn(sku, "TS-RED", shipped: 2, returned: 1);
        return (await w.CreateRefund(supplierReturnId, "BankTransfer")).Ok().Id;
    }

    private static FileSystemFileStore Store(World w) => (FileSystemFileStore)w.App.Services.GetRequiredService<IFileStore>();

    /// <summary>The complete files of the store (uploads in flight elsewhere are still <c>.tmp</c>).</summary>
    private static IEnumerable<string> Files(World w) =>
        Directory.EnumerateFiles(w.App.StoragePath, "*", SearchOption.AllDirectories)
            .Where(f => FileSystemFileStore.IsKey(Path.GetFileName(f)));

    private static async Task<PaymentProof> Proof(World w, string refundId)
    {
        await using var db = w.App.NewDbContext();
        return await db.PaymentProofs.AsNoTracking().SingleAsync(p => p.RefundOrderId == refundId);
    }
}

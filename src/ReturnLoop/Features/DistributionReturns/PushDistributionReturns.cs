using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Timeline;

namespace ReturnLoop.Features.DistributionReturns;

/// <summary>
/// Pushes one or many returns to their suppliers. Each slice of the batch (<see cref="BulkSlices"/>) is saved in one
/// transaction; if another writer wins a race on any of them, each return of the slice is read again and pushed on its
/// own, saved by itself. A push is exactly once: an
/// already pushed return is a no-op that reports its supplier return, and of two concurrent pushes one wins on the
/// return's version (and on the unique supplier-return index) while the other finds it pushed.
/// </summary>
public sealed class PushDistributionReturns(AppDbContext db, TimeProvider clock, IOptions<PushOptions> options)
{
    public sealed record Request([property: Required] IReadOnlyList<string>? Ids);

    /// <summary>The outcome for one id: the return as it now is, or why it could not be touched.</summary>
    public sealed record Outcome(string Id, DistributionReturn? Return, DomainError? Error)
    {
        /// <summary>This push attempt failed a push rule: the return now sits in Push Failed.</summary>
        public bool PushFailed => Return is { Status: DistributionReturnStatus.PushFailed };
    }

    public const int MaxBatch = 1000;

    public async Task<Outcome> HandleAsync(string distributorAccountId, string id, CancellationToken ct) =>
        (await PushAsync(distributorAccountId, [id], ct))[0];

    public async Task<IReadOnlyList<Outcome>> HandleAsync(string distributorAccountId, Request request, CancellationToken ct)
    {
        new Check()
            .That(request.Ids is { Count: > 0 and <= MaxBatch }, "ids", $"1 to {MaxBatch} ids.")
            .That(request.Ids is null || request.Ids.All(i => !string.IsNullOrWhiteSpace(i)), "ids", "Ids must not be empty.")
            .ThrowIfInvalid();
        return await db.InSlicesAsync(request.Ids!.Distinct().ToList(), slice => PushAsync(distributorAccountId, slice, ct));
    }

    /// <summary>
    /// One push attempt on a loaded return, added to the unit of work without saving: the supplier return it
    /// creates, or null when a rule failed and the return landed in Push Failed.
    /// </summary>
    internal SupplierReturn? Push(DistributionReturn ret, PushContext context, DateTimeOffset now)
    {
        var supplierReturn = ret.Push(context, options.Value.MaxOrderAge, now);
        if (supplierReturn is null)
        {
            var failure = ret.PushFailure!;
            db.Record(ret.AfterSalesOrderId, Side.Distributor, ret.DistributorAccountId, "PushFailed", $"{failure.Code}: {failure.Message}",
                now);
            return null;
        }
        db.SupplierReturns.Add(supplierReturn);
        db.Record(ret.AfterSalesOrderId, Side.Distributor, ret.DistributorAccountId, "Pushed",
            "Return pushed to the supplier; waiting for stock-in.", now);
        return supplierReturn;
    }

    /// <summary>
    /// What the push rules read for these returns, in a handful of queries whatever their number. The orders and
    /// after-sales orders the caller already holds are not read again.
    /// </summary>
    internal static async Task<PushContext> LoadContextAsync(AppDbContext db, string distributorAccountId,
        IReadOnlyCollection<DistributionReturn> returns, CancellationToken ct,
        IEnumerable<DistributionOrder>? knownOrders = null, IEnumerable<AfterSalesOrder>? knownAfterSales = null)
    {
        var orders = (knownOrders ?? []).ToList();
        var missingOrders = returns.Select(r => r.DistributionOrderId).Except(orders.Select(o => o.Id)).ToList();
        if (missingOrders.Count > 0)
            orders.AddRange(await db.DistributionOrders.AsNoTracking().Where(o => missingOrders.Contains(o.Id)).ToListAsync(ct));

        var afterSales = (knownAfterSales ?? []).ToList();
        var missingAfterSales = returns.Select(r => r.AfterSalesOrderId).Except(afterSales.Select(a => a.Id)).ToList();
        if (missingAfterSales.Count > 0)
            afterSales.AddRange(await db.AfterSalesOrders.AsNoTracking().Where(a => missingAfterSales.Contains(a.Id)).ToListAsync(ct));

        var suppliers = returns.Select(r => r.SupplierAccountId).Distinct().ToList();
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.DistributorAccountId == distributorAccountId && suppliers.Contains(p.SupplierAccountId)).ToListAsync(ct);

        var codes = afterSales.SelectMany(a => a.Lines).Select(l => l.MerchantSkuCode).Distinct().ToList();
        var skus = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.AccountId == distributorAccountId && codes.Contains(s.Code)).ToListAsync(ct);

        var warehouseIds = returns.Select(r => r.WarehouseId).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToListAsync(ct);

        return PushContext.Of(orders, afterSales, partnerships, skus, warehouses.Where(w => w.IsAvailable).Select(w => w.Id));
    }

    private async Task<IReadOnlyList<Outcome>> PushAsync(string distributorAccountId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var returns = await db.DistributionReturns.Where(r => ids.Contains(r.Id) && r.DistributorAccountId == distributorAccountId)
            .ToDictionaryAsync(r => r.Id, ct);
        var context = await LoadContextAsync(db, distributorAccountId, returns.Values, ct);

        // Fast path: the whole batch in one transaction. A failed rule is an outcome (the return lands in Push
        // Failed), not an error, so nothing else can spoil the batch but a race with another writer.
        var now = clock.GetUtcNow();
        var outcomes = ids.Select(id => returns.TryGetValue(id, out var ret) ? TryPush(ret, context, now) : NotFound(id)).ToList();
        try
        {
            await SaveAsync(ct);
            return outcomes;
        }
        catch (Exception e) when (ProblemDetailsMapping.IsConflict(e))
        {
            db.ChangeTracker.Clear();
        }

        // Another request changed some of these returns first: push each on its own, reading it again.
        var retried = new List<Outcome>(ids.Count);
        foreach (var id in ids) retried.Add(returns.ContainsKey(id) ? await PushOneAsync(id, context, ct) : NotFound(id));
        return retried;
    }

    private async Task<Outcome> PushOneAsync(string id, PushContext context, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ret = await db.DistributionReturns.SingleAsync(r => r.Id == id, ct);
            var outcome = TryPush(ret, context, clock.GetUtcNow());
            try
            {
                await SaveAsync(ct);
                return outcome;
            }
            catch (Exception e) when (attempt < 5 && ProblemDetailsMapping.IsConflict(e))
            {
                db.ChangeTracker.Clear(); // it may be pushed now: read it again and decide anew
            }
        }
    }

    /// <summary>The save alone writes (the reads above took no lock): on SQLite it takes its turn among this process's writers.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        using var writer = db.Database.CurrentTransaction is null ? await db.EnterSqliteWriterAsync(ct) : null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Pushing a pushed return is a no-op that reports its supplier return; a state that cannot push is an error
    /// outcome.</summary>
    private Outcome TryPush(DistributionReturn ret, PushContext context, DateTimeOffset now)
    {
        if (ret.IsPushed) return new Outcome(ret.Id, ret, null);
        try
        {
            Push(ret, context, now);
            return new Outcome(ret.Id, ret, null);
        }
        catch (DomainError e)
        {
            return new Outcome(ret.Id, ret, e);
        }
    }

    private static Outcome NotFound(string id) => new(id, null, DomainError.NotFound("distribution return"));
}

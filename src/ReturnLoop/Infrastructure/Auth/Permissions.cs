using Microsoft.AspNetCore.Authorization;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Audit;
using ReturnLoop.Features.AfterSales;
using ReturnLoop.Features.Balances;
using ReturnLoop.Features.Catalog;
using ReturnLoop.Features.DistributionOrders;
using ReturnLoop.Features.DistributionReturns;
using ReturnLoop.Features.Inventory;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Features.Refunds;
using ReturnLoop.Features.ReturnStockIns;
using ReturnLoop.Features.Shops;
using ReturnLoop.Features.StoreOrders;
using ReturnLoop.Features.SupplierReturns;
using ReturnLoop.Features.Warehouses;
using ReturnLoop.Features.Webhooks;

namespace ReturnLoop.Infrastructure.Auth;

/// <summary>A user's role inside an account (api.md "Users, roles, sign-in and audit").</summary>
public enum Role
{
    Owner,
    Finance,
    Warehouse,
    Viewer,
}

/// <summary>What a write needs; reading the account's own data is open to every role.</summary>
public enum Permission
{
    /// <summary>The user's own things: their API keys, their language. Every role.</summary>
    Self,
    /// <summary>After-sales (create, approve, cancel, complete, link), push and re-push, the auto-push setting.</summary>
    AfterSales,
    /// <summary>Stock-in, adjustments, warehouses, SKUs, merchant SKUs, distribution and store orders (create, ship, cancel).</summary>
    Stock,
    /// <summary>Refund orders (create, payment proof, void), confirm receipt / not received, payments, balance credits, charges.</summary>
    Money,
    /// <summary>Partnerships, users and roles, webhook endpoints, shops, the audit log. Owner only.</summary>
    Admin,
}

/// <summary>
/// The one place that says which role may do what (api.md's table), for the API (route metadata read by the default
/// authorization policy) and for the web app (<see cref="Web.InScope"/> checks every use case a page runs).
/// </summary>
public static class Permissions
{
    public const string RoleClaim = "role";

    public static bool May(this Role role, Permission permission) => permission switch
    {
        Permission.Self => true,
        Permission.AfterSales or Permission.Stock => role is Role.Owner or Role.Warehouse,
        Permission.Money => role is Role.Owner or Role.Finance,
        _ => role is Role.Owner,
    };

    /// <summary>The role the principal carries (API key or cookie); none (an old cookie, a system principal) may do nothing.</summary>
    public static Role? RoleOf(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(RoleClaim), out var role) ? role : null;

    public static bool May(this ClaimsPrincipal user, Permission permission) => user.RoleOf() is { } role && role.May(permission);

    public static DomainError Refused(Permission permission) =>
        DomainError.Forbidden($"Your role may not do this ({permission}); ask an Owner of the account.");

    /// <summary>Use cases run by anyone, signed in or not: nothing to check.</summary>
    private static readonly HashSet<Type> Anonymous = [typeof(SignUp), typeof(LogIn), typeof(AcceptInvitation)];

    /// <summary>
    /// Every write use case a page may run, with what it needs. A use case missing here needs
    /// <see cref="Permission.Admin"/>: a new one is Owner-only until it is placed in the table.
    /// </summary>
    private static readonly Dictionary<Type, Permission> UseCaseTable = new()
    {
        [typeof(CreateApiKey)] = Permission.Self,
        [typeof(RevokeApiKey)] = Permission.Self,
        [typeof(RotateApiKey)] = Permission.Self,
        [typeof(SetUserLanguage)] = Permission.Self,

        [typeof(CreateAfterSalesOrder)] = Permission.AfterSales,
        [typeof(ApproveAfterSalesOrder)] = Permission.AfterSales,
        [typeof(CancelAfterSalesOrder)] = Permission.AfterSales,
        [typeof(CompleteRefundOnly)] = Permission.AfterSales,
        [typeof(LinkAfterSalesOrder)] = Permission.AfterSales,
        [typeof(OpenDistributionReturn)] = Permission.AfterSales,
        [typeof(PushDistributionReturns)] = Permission.AfterSales,
        [typeof(UpdateAutoPush)] = Permission.AfterSales,
        [typeof(AcknowledgeSupplierReturn)] = Permission.AfterSales,

        [typeof(StockInSupplierReturn)] = Permission.Stock,
        [typeof(StockInReturnStockIn)] = Permission.Stock,
        [typeof(AdjustStock)] = Permission.Stock,
        [typeof(CreateWarehouse)] = Permission.Stock,
        [typeof(CloseWarehouse)] = Permission.Stock,
        [typeof(CreateSupplierSku)] = Permission.Stock,
        [typeof(UpdateSupplierSku)] = Permission.Stock,
        [typeof(CreateMerchantSku)] = Permission.Stock,
        [typeof(UpdateMerchantSku)] = Permission.Stock,
        [typeof(CreateDistributionOrder)] = Permission.Stock,
        [typeof(ShipDistributionOrder)] = Permission.Stock,
        [typeof(CancelDistributionOrder)] = Permission.Stock,
        [typeof(CreateStoreOrder)] = Permission.Stock,
        [typeof(StockInSupplierReturns)] = Permission.Stock,

        [typeof(CreateRefundOrder)] = Permission.Money,
        [typeof(CreateRefundOrders)] = Permission.Money,
        [typeof(UploadPaymentProof)] = Permission.Money,
        [typeof(VoidRefundOrder)] = Permission.Money,
        [typeof(ConfirmRefundReceipt)] = Permission.Money,
        [typeof(ReportRefundNotReceived)] = Permission.Money,
        [typeof(RecordPayment)] = Permission.Money,
        [typeof(AddManualCredit)] = Permission.Money,
        [typeof(UpdateChargeSettings)] = Permission.Money,

        [typeof(ApplyForPartnership)] = Permission.Admin,
        [typeof(DecidePartnership)] = Permission.Admin,
        [typeof(ConnectShop)] = Permission.Admin,
        [typeof(SyncShop)] = Permission.Admin,
        [typeof(CreateWebhookEndpoint)] = Permission.Admin,
        [typeof(UpdateWebhookEndpoint)] = Permission.Admin,
        [typeof(DeleteWebhookEndpoint)] = Permission.Admin,
        [typeof(PingWebhookEndpoint)] = Permission.Admin,
        [typeof(RedeliverWebhook)] = Permission.Admin,
        [typeof(InviteUser)] = Permission.Admin,
        [typeof(ChangeUserRole)] = Permission.Admin,
        [typeof(RemoveUser)] = Permission.Admin,
        [typeof(AuditQueries)] = Permission.Admin, // a read, but the audit log is an Owner's only
    };

    /// <summary>
    /// What running a service from a page needs: null for reads (the DbContext, queries) and anonymous use cases; a use
    /// case (a class of Features with HandleAsync, as <see cref="UseCases"/> registers them) its table entry, else Admin.
    /// </summary>
    public static Permission? NeededToRun(Type service)
    {
        if (UseCaseTable.TryGetValue(service, out var permission)) return permission;
        if (Anonymous.Contains(service)) return null;
        var isUseCase = service.Namespace?.StartsWith("ReturnLoop.Features", StringComparison.Ordinal) == true
            && service.GetMethod("HandleAsync") is not null;
        return isUseCase ? Permission.Admin : null;
    }

    /// <summary>
    /// Every method of this route (or of every route of this group) needs <paramref name="permission"/>, reads included:
    /// e.g. <c>.RequirePermission(Permission.Admin)</c> on the audit log. The rule closest to the route wins.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PermissionRule(permission, ReadsToo: true));

    /// <summary>
    /// Writes (anything but GET/HEAD/OPTIONS) of this route or group need <paramref name="permission"/>; reads stay open.
    /// A write route without any rule needs <see cref="Permission.Admin"/>.
    /// </summary>
    public static TBuilder RequirePermissionToWrite<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PermissionRule(permission, ReadsToo: false));

    /// <summary>What a request needs, from the rule closest to its route; null when it is an open read.</summary>
    public static Permission? NeededFor(Endpoint? endpoint, string method)
    {
        var rule = endpoint?.Metadata.GetMetadata<PermissionRule>();
        if (rule is { ReadsToo: true }) return rule.Permission;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)) return null;
        return rule?.Permission ?? Permission.Admin;
    }
}

public sealed record PermissionRule(Permission Permission, bool ReadsToo);

/// <summary>Part of the default policy every authenticated route uses: the role must allow what the route does.</summary>
public sealed class RoleRequirement : IAuthorizationRequirement;

/// <summary>
/// Runs in the authorization middleware, before the route's body is read or validated, so a refused role gets 403
/// <c>forbidden</c> whatever it sent. Only the API's routes: pages are checked through the use cases they run.
/// </summary>
public sealed class RoleHandler : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.Resource is not HttpContext http || !http.Request.Path.StartsWithSegments("/api"))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var needed = Permissions.NeededFor(http.GetEndpoint(), http.Request.Method);
        if (needed is null || context.User.May(needed.Value)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

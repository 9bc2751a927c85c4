using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AutoPushReturns = table.Column<bool>(type: "boolean", nullable: false),
                    DistributionFee = table.Column<long>(type: "bigint", nullable: false),
                    ReturnHandlingFee = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AfterSalesOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "text", nullable: false),
                    ShippingWarehouseId = table.Column<string>(type: "text", nullable: false),
                    MarketplaceOrderNo = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    ShopId = table.Column<string>(type: "text", nullable: true),
                    PlatformReturnId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DistributionReturnId = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AfterSalesOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Prefix = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BalanceLedger",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    BalanceAfter = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BalanceLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerBalances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Balance = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerBalances", x => x.Id);
                    table.CheckConstraint("CK_CustomerBalances_NotNegative", "\"Balance\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "DistributionOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: false),
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ShopId = table.Column<string>(type: "text", nullable: true),
                    MarketplaceOrderNo = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAfterSalesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    DistributionFee = table.Column<long>(type: "bigint", nullable: false),
                    StockOutAmount = table.Column<long>(type: "bigint", nullable: false),
                    SettledAmount = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionOrders", x => x.Id);
                    table.CheckConstraint("CK_DistributionOrders_Settled", "\"SettledAmount\" >= 0 AND \"SettledAmount\" <= \"StockOutAmount\"");
                });

            migrationBuilder.CreateTable(
                name: "DistributionReturns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "text", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "text", nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PushAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastPushAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupplierReturnId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PushedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true),
                    PushFailure = table.Column<string>(type: "jsonb", nullable: true),
                    RecallFailure = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionReturns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    ContentType = table.Column<string>(type: "text", nullable: true),
                    ResponseBody = table.Column<byte[]>(type: "bytea", nullable: true),
                    Location = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.AccountId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "MerchantSkus",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Components = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantSkus", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderSettlements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    SettledAfter = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reference = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderSettlements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentProofs",
                columns: table => new
                {
                    RefundOrderId = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentProofs", x => x.RefundOrderId);
                });

            migrationBuilder.CreateTable(
                name: "RefundOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    SupplierReturnId = table.Column<string>(type: "text", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "text", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "text", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ReturnAmount = table.Column<long>(type: "bigint", nullable: false),
                    ReturnHandlingFee = table.Column<long>(type: "bigint", nullable: false),
                    UnsettledAmount = table.Column<long>(type: "bigint", nullable: false),
                    ExchangeAmount = table.Column<long>(type: "bigint", nullable: false),
                    RefundableAmount = table.Column<long>(type: "bigint", nullable: false),
                    SettledOnOrder = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HasPaymentProof = table.Column<bool>(type: "boolean", nullable: false),
                    PaymentProofUploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotReceivedNote = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VoidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    BankAccount = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefundOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockLevels",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: false),
                    SkuCode = table.Column<string>(type: "text", nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Damaged = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockLevels", x => x.Id);
                    table.CheckConstraint("CK_StockLevels_NotNegative", "\"OnHand\" >= 0 AND \"Damaged\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: false),
                    SkuCode = table.Column<string>(type: "text", nullable: false),
                    Bucket = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    QuantityAfter = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplierReturns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "text", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "text", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "text", nullable: false),
                    DistributionReturnId = table.Column<string>(type: "text", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "text", nullable: false),
                    MarketplaceOrderNo = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IsAbnormal = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: false),
                    OrderStockOutAmount = table.Column<long>(type: "bigint", nullable: false),
                    OrderDistributionFee = table.Column<long>(type: "bigint", nullable: false),
                    NeedsAttention = table.Column<bool>(type: "boolean", nullable: false),
                    AttentionReason = table.Column<string>(type: "text", nullable: true),
                    ActiveRefundOrderId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierReturns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplierSkus",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CostPrice = table.Column<long>(type: "bigint", nullable: false),
                    DistributionPrice = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierSkus", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelineEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorAccountId = table.Column<string>(type: "text", nullable: true),
                    Event = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warehouses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warehouses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributionOrderId",
                table: "AfterSalesOrders",
                column: "DistributionOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_MarketplaceOrderNo",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "MarketplaceOrderNo" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_ShippingWarehouseId_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "ShippingWarehouseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Source_ShopId_Platfor~",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "Source", "ShopId", "PlatformReturnId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Status_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_SupplierAccountId_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "SupplierAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_AccountId",
                table: "ApiKeys",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BalanceLedger_SupplierAccountId_DistributorAccountId_Id",
                table: "BalanceLedger",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerBalances_DistributorAccountId",
                table: "CustomerBalances",
                column: "DistributorAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerBalances_SupplierAccountId_DistributorAccountId",
                table: "CustomerBalances",
                columns: new[] { "SupplierAccountId", "DistributorAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_DistributorAccountId_Id",
                table: "DistributionOrders",
                columns: new[] { "DistributorAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_DistributorAccountId_Platform_ShopId_Mar~",
                table: "DistributionOrders",
                columns: new[] { "DistributorAccountId", "Platform", "ShopId", "MarketplaceOrderNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_SupplierAccountId_Id",
                table: "DistributionOrders",
                columns: new[] { "SupplierAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_AfterSalesOrderId",
                table: "DistributionReturns",
                column: "AfterSalesOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_DistributorAccountId_Id",
                table: "DistributionReturns",
                columns: new[] { "DistributorAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_DistributorAccountId_Status_Id",
                table: "DistributionReturns",
                columns: new[] { "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_DistributorAccountId_SupplierAccountId_~",
                table: "DistributionReturns",
                columns: new[] { "DistributorAccountId", "SupplierAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MerchantSkus_AccountId_Code",
                table: "MerchantSkus",
                columns: new[] { "AccountId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MerchantSkus_AccountId_SupplierAccountId",
                table: "MerchantSkus",
                columns: new[] { "AccountId", "SupplierAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderSettlements_DistributionOrderId_Id",
                table: "OrderSettlements",
                columns: new[] { "DistributionOrderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_DistributorAccountId_SupplierAccountId",
                table: "Partnerships",
                columns: new[] { "DistributorAccountId", "SupplierAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_Open",
                table: "Partnerships",
                columns: new[] { "DistributorAccountId", "SupplierAccountId" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Active')");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_SupplierAccountId",
                table: "Partnerships",
                column: "SupplierAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_DistributorAccountId_Id",
                table: "RefundOrders",
                columns: new[] { "DistributorAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_DistributorAccountId_Status_Id",
                table: "RefundOrders",
                columns: new[] { "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_OneActive",
                table: "RefundOrders",
                column: "SupplierReturnId",
                unique: true,
                filter: "\"Status\" <> 'Voided'");

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_SupplierAccountId_Id",
                table: "RefundOrders",
                columns: new[] { "SupplierAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_SupplierAccountId_Status_Id",
                table: "RefundOrders",
                columns: new[] { "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_AccountId_SkuCode",
                table: "StockLevels",
                columns: new[] { "AccountId", "SkuCode" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_WarehouseId_SkuCode",
                table: "StockLevels",
                columns: new[] { "WarehouseId", "SkuCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_AccountId_Id",
                table: "StockMovements",
                columns: new[] { "AccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_AccountId_SkuCode_Id",
                table: "StockMovements",
                columns: new[] { "AccountId", "SkuCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_AfterSalesOrderId",
                table: "SupplierReturns",
                column: "AfterSalesOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_DistributionReturnId",
                table: "SupplierReturns",
                column: "DistributionReturnId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_DistributorAccountId_Id",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_Id",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_Status_Id",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierSkus_AccountId_Code",
                table: "SupplierSkus",
                columns: new[] { "AccountId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_AfterSalesOrderId_Id",
                table: "TimelineEntries",
                columns: new[] { "AfterSalesOrderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_AccountId",
                table: "Users",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Warehouses_AccountId_Code",
                table: "Warehouses",
                columns: new[] { "AccountId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Accounts");

            migrationBuilder.DropTable(
                name: "AfterSalesOrders");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "BalanceLedger");

            migrationBuilder.DropTable(
                name: "CustomerBalances");

            migrationBuilder.DropTable(
                name: "DistributionOrders");

            migrationBuilder.DropTable(
                name: "DistributionReturns");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "MerchantSkus");

            migrationBuilder.DropTable(
                name: "OrderSettlements");

            migrationBuilder.DropTable(
                name: "Partnerships");

            migrationBuilder.DropTable(
                name: "PaymentProofs");

            migrationBuilder.DropTable(
                name: "RefundOrders");

            migrationBuilder.DropTable(
                name: "StockLevels");

            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropTable(
                name: "SupplierReturns");

            migrationBuilder.DropTable(
                name: "SupplierSkus");

            migrationBuilder.DropTable(
                name: "TimelineEntries");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Warehouses");
        }
    }
}

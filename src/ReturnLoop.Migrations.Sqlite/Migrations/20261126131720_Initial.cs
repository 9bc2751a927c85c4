using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
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
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AutoPushReturns = table.Column<bool>(type: "INTEGER", nullable: false),
                    DistributionFee = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnHandlingFee = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AfterSalesOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    ShippingWarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    MarketplaceOrderNo = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    ShopId = table.Column<string>(type: "TEXT", nullable: true),
                    PlatformReturnId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DistributionReturnId = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AfterSalesOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BalanceLedger",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BalanceLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerBalances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Balance = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ShopId = table.Column<string>(type: "TEXT", nullable: true),
                    MarketplaceOrderNo = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAfterSalesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DistributionFee = table.Column<long>(type: "INTEGER", nullable: false),
                    StockOutAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PushAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastPushAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupplierReturnId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PushedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true),
                    PushFailure = table.Column<string>(type: "TEXT", nullable: true),
                    RecallFailure = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionReturns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseBody = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Location = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.AccountId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "MerchantSkus",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Components = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantSkus", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderSettlements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderSettlements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TerminatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentProofs",
                columns: table => new
                {
                    RefundOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentProofs", x => x.RefundOrderId);
                });

            migrationBuilder.CreateTable(
                name: "RefundOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierReturnId = table.Column<string>(type: "TEXT", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ReturnAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnHandlingFee = table.Column<long>(type: "INTEGER", nullable: false),
                    UnsettledAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    ExchangeAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundableAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledOnOrder = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HasPaymentProof = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaymentProofUploadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotReceivedNote = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BankAccount = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefundOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockLevels",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    SkuCode = table.Column<string>(type: "TEXT", nullable: false),
                    OnHand = table.Column<int>(type: "INTEGER", nullable: false),
                    Damaged = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    SkuCode = table.Column<string>(type: "TEXT", nullable: false),
                    Bucket = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    QuantityAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplierReturns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributorAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributionReturnId = table.Column<string>(type: "TEXT", nullable: false),
                    DistributionOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    MarketplaceOrderNo = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsAbnormal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    OrderStockOutAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderDistributionFee = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedsAttention = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttentionReason = table.Column<string>(type: "TEXT", nullable: true),
                    ActiveRefundOrderId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecalledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierReturns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplierSkus",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CostPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    DistributionPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierSkus", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelineEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorAccountId = table.Column<string>(type: "TEXT", nullable: true),
                    Event = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warehouses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "IX_AfterSalesOrders_DistributorAccountId_Source_ShopId_PlatformReturnId",
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
                name: "IX_DistributionOrders_DistributorAccountId_Platform_ShopId_MarketplaceOrderNo",
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
                name: "IX_DistributionReturns_DistributorAccountId_SupplierAccountId_Id",
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

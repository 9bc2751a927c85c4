using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrustAndScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Users",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Owner");

            migrationBuilder.AddColumn<string>(
                name: "ActorId",
                table: "TimelineEntries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorType",
                table: "TimelineEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "PaymentProofs",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AddColumn<string>(
                name: "Sha256",
                table: "PaymentProofs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StorageKey",
                table: "PaymentProofs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploadedBy",
                table: "PaymentProofs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastUsedAt",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddUniqueConstraint(
                name: "AK_StockLevels_WarehouseId_SkuCode",
                table: "StockLevels",
                columns: new[] { "WarehouseId", "SkuCode" });

            migrationBuilder.AddUniqueConstraint(
                name: "AK_CustomerBalances_SupplierAccountId_DistributorAccountId",
                table: "CustomerBalances",
                columns: new[] { "SupplierAccountId", "DistributorAccountId" });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_DistributionOrderId",
                table: "SupplierReturns",
                column: "DistributionOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_DistributorAccountId_Status_Id",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_NeedsAttention_Id",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "NeedsAttention", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_WarehouseId",
                table: "SupplierReturns",
                column: "WarehouseId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SupplierReturns_NotNegative",
                table: "SupplierReturns",
                sql: "\"OrderStockOutAmount\" >= 0 AND \"OrderDistributionFee\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_StoreOrders_WarehouseId",
                table: "StoreOrders",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_WarehouseId_SkuCode",
                table: "StockMovements",
                columns: new[] { "WarehouseId", "SkuCode" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_StockMovements_NotNegative",
                table: "StockMovements",
                sql: "\"QuantityAfter\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_StoreOrderId",
                table: "ReturnStockIns",
                column: "StoreOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_WarehouseId",
                table: "ReturnStockIns",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_AfterSalesOrderId",
                table: "RefundOrders",
                column: "AfterSalesOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_DistributionOrderId",
                table: "RefundOrders",
                column: "DistributionOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_SupplierAccountId_DistributorAccountId_Status_Id",
                table: "RefundOrders",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_SupplierAccountId_Method_Status_Id",
                table: "RefundOrders",
                columns: new[] { "SupplierAccountId", "Method", "Status", "Id" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_RefundOrders_NotNegative",
                table: "RefundOrders",
                sql: "\"ReturnAmount\" >= 0 AND \"ReturnHandlingFee\" >= 0 AND \"UnsettledAmount\" >= 0 AND \"ExchangeAmount\" >= 0 AND \"RefundableAmount\" >= 0 AND \"SettledOnOrder\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentProofs_StorageKey",
                table: "PaymentProofs",
                column: "StorageKey",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_OrderSettlements_NotNegative",
                table: "OrderSettlements",
                sql: "\"SettledAfter\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_DistributionOrderId",
                table: "DistributionReturns",
                column: "DistributionOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_DistributorAccountId_SupplierAccountId_Status_Id",
                table: "DistributionReturns",
                columns: new[] { "DistributorAccountId", "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_WarehouseId",
                table: "DistributionReturns",
                column: "WarehouseId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_DistributionReturns_NotNegative",
                table: "DistributionReturns",
                sql: "\"PushAttempts\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_DistributorAccountId_Status_Id",
                table: "DistributionOrders",
                columns: new[] { "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_SupplierAccountId_DistributorAccountId_Status_Id",
                table: "DistributionOrders",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_SupplierAccountId_Status_Id",
                table: "DistributionOrders",
                columns: new[] { "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_WarehouseId",
                table: "DistributionOrders",
                column: "WarehouseId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_DistributionOrders_NotNegative",
                table: "DistributionOrders",
                sql: "\"StockOutAmount\" >= 0 AND \"DistributionFee\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "CK_BalanceLedger_NotNegative",
                table: "BalanceLedger",
                sql: "\"BalanceAfter\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_UserId",
                table: "ApiKeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_PlatformReturnId",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "PlatformReturnId" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Source_Status_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "Source", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_SupplierAccountId_Status_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_ShippingWarehouseId",
                table: "AfterSalesOrders",
                column: "ShippingWarehouseId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_AfterSalesOrders_OneOrder",
                table: "AfterSalesOrders",
                sql: "\"DistributionOrderId\" IS NULL OR \"StoreOrderId\" IS NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Accounts_FeesNotNegative",
                table: "Accounts",
                sql: "\"DistributionFee\" >= 0 AND \"ReturnHandlingFee\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_ActorId_Id",
                table: "AuditEntries",
                columns: new[] { "AccountId", "ActorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_EntityId_Id",
                table: "AuditEntries",
                columns: new[] { "AccountId", "EntityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccountId_Id",
                table: "AuditEntries",
                columns: new[] { "AccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_AccountId",
                table: "Invitations",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AfterSalesOrders_DistributionOrders_DistributionOrderId",
                table: "AfterSalesOrders",
                column: "DistributionOrderId",
                principalTable: "DistributionOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AfterSalesOrders_StoreOrders_StoreOrderId",
                table: "AfterSalesOrders",
                column: "StoreOrderId",
                principalTable: "StoreOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AfterSalesOrders_Warehouses_ShippingWarehouseId",
                table: "AfterSalesOrders",
                column: "ShippingWarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ApiKeys_Users_UserId",
                table: "ApiKeys",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_BalanceLedger_CustomerBalances_SupplierAccountId_DistributorAccountId",
                table: "BalanceLedger",
                columns: new[] { "SupplierAccountId", "DistributorAccountId" },
                principalTable: "CustomerBalances",
                principalColumns: new[] { "SupplierAccountId", "DistributorAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DistributionOrders_Warehouses_WarehouseId",
                table: "DistributionOrders",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DistributionReturns_AfterSalesOrders_AfterSalesOrderId",
                table: "DistributionReturns",
                column: "AfterSalesOrderId",
                principalTable: "AfterSalesOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DistributionReturns_DistributionOrders_DistributionOrderId",
                table: "DistributionReturns",
                column: "DistributionOrderId",
                principalTable: "DistributionOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DistributionReturns_Warehouses_WarehouseId",
                table: "DistributionReturns",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OrderSettlements_DistributionOrders_DistributionOrderId",
                table: "OrderSettlements",
                column: "DistributionOrderId",
                principalTable: "DistributionOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PaymentProofs_RefundOrders_RefundOrderId",
                table: "PaymentProofs",
                column: "RefundOrderId",
                principalTable: "RefundOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RefundOrders_AfterSalesOrders_AfterSalesOrderId",
                table: "RefundOrders",
                column: "AfterSalesOrderId",
                principalTable: "AfterSalesOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RefundOrders_DistributionOrders_DistributionOrderId",
                table: "RefundOrders",
                column: "DistributionOrderId",
                principalTable: "DistributionOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RefundOrders_SupplierReturns_SupplierReturnId",
                table: "RefundOrders",
                column: "SupplierReturnId",
                principalTable: "SupplierReturns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ReturnStockIns_AfterSalesOrders_AfterSalesOrderId",
                table: "ReturnStockIns",
                column: "AfterSalesOrderId",
                principalTable: "AfterSalesOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ReturnStockIns_StoreOrders_StoreOrderId",
                table: "ReturnStockIns",
                column: "StoreOrderId",
                principalTable: "StoreOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ReturnStockIns_Warehouses_WarehouseId",
                table: "ReturnStockIns",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_StockLevels_Warehouses_WarehouseId",
                table: "StockLevels",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_StockMovements_StockLevels_WarehouseId_SkuCode",
                table: "StockMovements",
                columns: new[] { "WarehouseId", "SkuCode" },
                principalTable: "StockLevels",
                principalColumns: new[] { "WarehouseId", "SkuCode" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_StoreOrders_Warehouses_WarehouseId",
                table: "StoreOrders",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupplierReturns_AfterSalesOrders_AfterSalesOrderId",
                table: "SupplierReturns",
                column: "AfterSalesOrderId",
                principalTable: "AfterSalesOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupplierReturns_DistributionOrders_DistributionOrderId",
                table: "SupplierReturns",
                column: "DistributionOrderId",
                principalTable: "DistributionOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupplierReturns_DistributionReturns_DistributionReturnId",
                table: "SupplierReturns",
                column: "DistributionReturnId",
                principalTable: "DistributionReturns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupplierReturns_Warehouses_WarehouseId",
                table: "SupplierReturns",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TimelineEntries_AfterSalesOrders_AfterSalesOrderId",
                table: "TimelineEntries",
                column: "AfterSalesOrderId",
                principalTable: "AfterSalesOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AfterSalesOrders_DistributionOrders_DistributionOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_AfterSalesOrders_StoreOrders_StoreOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_AfterSalesOrders_Warehouses_ShippingWarehouseId",
                table: "AfterSalesOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_ApiKeys_Users_UserId",
                table: "ApiKeys");

            migrationBuilder.DropForeignKey(
                name: "FK_BalanceLedger_CustomerBalances_SupplierAccountId_DistributorAccountId",
                table: "BalanceLedger");

            migrationBuilder.DropForeignKey(
                name: "FK_DistributionOrders_Warehouses_WarehouseId",
                table: "DistributionOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_DistributionReturns_AfterSalesOrders_AfterSalesOrderId",
                table: "DistributionReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_DistributionReturns_DistributionOrders_DistributionOrderId",
                table: "DistributionReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_DistributionReturns_Warehouses_WarehouseId",
                table: "DistributionReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_OrderSettlements_DistributionOrders_DistributionOrderId",
                table: "OrderSettlements");

            migrationBuilder.DropForeignKey(
                name: "FK_PaymentProofs_RefundOrders_RefundOrderId",
                table: "PaymentProofs");

            migrationBuilder.DropForeignKey(
                name: "FK_RefundOrders_AfterSalesOrders_AfterSalesOrderId",
                table: "RefundOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_RefundOrders_DistributionOrders_DistributionOrderId",
                table: "RefundOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_RefundOrders_SupplierReturns_SupplierReturnId",
                table: "RefundOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_ReturnStockIns_AfterSalesOrders_AfterSalesOrderId",
                table: "ReturnStockIns");

            migrationBuilder.DropForeignKey(
                name: "FK_ReturnStockIns_StoreOrders_StoreOrderId",
                table: "ReturnStockIns");

            migrationBuilder.DropForeignKey(
                name: "FK_ReturnStockIns_Warehouses_WarehouseId",
                table: "ReturnStockIns");

            migrationBuilder.DropForeignKey(
                name: "FK_StockLevels_Warehouses_WarehouseId",
                table: "StockLevels");

            migrationBuilder.DropForeignKey(
                name: "FK_StockMovements_StockLevels_WarehouseId_SkuCode",
                table: "StockMovements");

            migrationBuilder.DropForeignKey(
                name: "FK_StoreOrders_Warehouses_WarehouseId",
                table: "StoreOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_SupplierReturns_AfterSalesOrders_AfterSalesOrderId",
                table: "SupplierReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_SupplierReturns_DistributionOrders_DistributionOrderId",
                table: "SupplierReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_SupplierReturns_DistributionReturns_DistributionReturnId",
                table: "SupplierReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_SupplierReturns_Warehouses_WarehouseId",
                table: "SupplierReturns");

            migrationBuilder.DropForeignKey(
                name: "FK_TimelineEntries_AfterSalesOrders_AfterSalesOrderId",
                table: "TimelineEntries");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_DistributionOrderId",
                table: "SupplierReturns");

            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_SupplierAccountId_DistributorAccountId_Status_Id",
                table: "SupplierReturns");

            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_SupplierAccountId_NeedsAttention_Id",
                table: "SupplierReturns");

            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_WarehouseId",
                table: "SupplierReturns");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SupplierReturns_NotNegative",
                table: "SupplierReturns");

            migrationBuilder.DropIndex(
                name: "IX_StoreOrders_WarehouseId",
                table: "StoreOrders");

            migrationBuilder.DropIndex(
                name: "IX_StockMovements_WarehouseId_SkuCode",
                table: "StockMovements");

            migrationBuilder.DropCheckConstraint(
                name: "CK_StockMovements_NotNegative",
                table: "StockMovements");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_StockLevels_WarehouseId_SkuCode",
                table: "StockLevels");

            migrationBuilder.DropIndex(
                name: "IX_ReturnStockIns_StoreOrderId",
                table: "ReturnStockIns");

            migrationBuilder.DropIndex(
                name: "IX_ReturnStockIns_WarehouseId",
                table: "ReturnStockIns");

            migrationBuilder.DropIndex(
                name: "IX_RefundOrders_AfterSalesOrderId",
                table: "RefundOrders");

            migrationBuilder.DropIndex(
                name: "IX_RefundOrders_DistributionOrderId",
                table: "RefundOrders");

            migrationBuilder.DropIndex(
                name: "IX_RefundOrders_SupplierAccountId_DistributorAccountId_Status_Id",
                table: "RefundOrders");

            migrationBuilder.DropIndex(
                name: "IX_RefundOrders_SupplierAccountId_Method_Status_Id",
                table: "RefundOrders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_RefundOrders_NotNegative",
                table: "RefundOrders");

            migrationBuilder.DropIndex(
                name: "IX_PaymentProofs_StorageKey",
                table: "PaymentProofs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OrderSettlements_NotNegative",
                table: "OrderSettlements");

            migrationBuilder.DropIndex(
                name: "IX_DistributionReturns_DistributionOrderId",
                table: "DistributionReturns");

            migrationBuilder.DropIndex(
                name: "IX_DistributionReturns_DistributorAccountId_SupplierAccountId_Status_Id",
                table: "DistributionReturns");

            migrationBuilder.DropIndex(
                name: "IX_DistributionReturns_WarehouseId",
                table: "DistributionReturns");

            migrationBuilder.DropCheckConstraint(
                name: "CK_DistributionReturns_NotNegative",
                table: "DistributionReturns");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_DistributorAccountId_Status_Id",
                table: "DistributionOrders");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_SupplierAccountId_DistributorAccountId_Status_Id",
                table: "DistributionOrders");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_SupplierAccountId_Status_Id",
                table: "DistributionOrders");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_WarehouseId",
                table: "DistributionOrders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_DistributionOrders_NotNegative",
                table: "DistributionOrders");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_CustomerBalances_SupplierAccountId_DistributorAccountId",
                table: "CustomerBalances");

            migrationBuilder.DropCheckConstraint(
                name: "CK_BalanceLedger_NotNegative",
                table: "BalanceLedger");

            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_UserId",
                table: "ApiKeys");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_PlatformReturnId",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Source_Status_Id",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_SupplierAccountId_Status_Id",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_ShippingWarehouseId",
                table: "AfterSalesOrders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AfterSalesOrders_OneOrder",
                table: "AfterSalesOrders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Accounts_FeesNotNegative",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ActorId",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "ActorType",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Sha256",
                table: "PaymentProofs");

            migrationBuilder.DropColumn(
                name: "StorageKey",
                table: "PaymentProofs");

            migrationBuilder.DropColumn(
                name: "UploadedBy",
                table: "PaymentProofs");

            migrationBuilder.DropColumn(
                name: "LastUsedAt",
                table: "ApiKeys");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "PaymentProofs",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);
        }
    }
}

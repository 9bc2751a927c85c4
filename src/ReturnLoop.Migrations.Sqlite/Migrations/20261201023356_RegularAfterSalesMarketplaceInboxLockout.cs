using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegularAfterSalesMarketplaceInboxLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedLogins",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SyncLockedBy",
                table: "Shops",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SyncLockedUntil",
                table: "Shops",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SupplierAccountId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "ShippingWarehouseId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "DistributionOrderId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "AttentionReason",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsAttention",
                table: "AfterSalesOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PlatformAttentionReason",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformStatus",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlatformUpdatedAt",
                table: "AfterSalesOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnStockInId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoreOrderId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MarketplacePushes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlatformShopId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ShopId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketplacePushes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReturnStockIns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    StoreOrderId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnStockIns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoreOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ShopId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MarketplaceOrderNo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WarehouseId = table.Column<string>(type: "TEXT", nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAfterSalesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreOrders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_NeedsAttention_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "NeedsAttention", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders",
                column: "StoreOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketplacePushes_Platform_DedupeKey",
                table: "MarketplacePushes",
                columns: new[] { "Platform", "DedupeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarketplacePushes_ShopId",
                table: "MarketplacePushes",
                column: "ShopId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketplacePushes_Status_NextAttemptAt",
                table: "MarketplacePushes",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_AccountId_Id",
                table: "ReturnStockIns",
                columns: new[] { "AccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_AccountId_Status_Id",
                table: "ReturnStockIns",
                columns: new[] { "AccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_AfterSalesOrderId",
                table: "ReturnStockIns",
                column: "AfterSalesOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoreOrders_AccountId_Id",
                table: "StoreOrders",
                columns: new[] { "AccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreOrders_AccountId_Platform_ShopId_MarketplaceOrderNo",
                table: "StoreOrders",
                columns: new[] { "AccountId", "Platform", "ShopId", "MarketplaceOrderNo" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarketplacePushes");

            migrationBuilder.DropTable(
                name: "ReturnStockIns");

            migrationBuilder.DropTable(
                name: "StoreOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_NeedsAttention_Id",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "FailedLogins",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "SyncLockedBy",
                table: "Shops");

            migrationBuilder.DropColumn(
                name: "SyncLockedUntil",
                table: "Shops");

            migrationBuilder.DropColumn(
                name: "AttentionReason",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "NeedsAttention",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "PlatformAttentionReason",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "PlatformStatus",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "PlatformUpdatedAt",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "ReturnStockInId",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "StoreOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.AlterColumn<string>(
                name: "SupplierAccountId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ShippingWarehouseId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DistributionOrderId",
                table: "AfterSalesOrders",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}

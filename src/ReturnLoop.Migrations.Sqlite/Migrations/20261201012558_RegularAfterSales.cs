using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegularAfterSales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ReturnStockIns");

            migrationBuilder.DropTable(
                name: "StoreOrders");
        }
    }
}

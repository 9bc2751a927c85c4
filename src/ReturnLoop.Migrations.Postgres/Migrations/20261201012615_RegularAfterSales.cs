using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Postgres.Migrations
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
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    AfterSalesOrderId = table.Column<string>(type: "text", nullable: false),
                    StoreOrderId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnStockIns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoreOrders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ShopId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MarketplaceOrderNo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WarehouseId = table.Column<string>(type: "text", nullable: false),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAfterSalesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
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

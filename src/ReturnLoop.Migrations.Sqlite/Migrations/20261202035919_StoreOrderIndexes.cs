using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoreOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReturnStockIns_StoreOrderId",
                table: "ReturnStockIns");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_StoreOrderId",
                table: "ReturnStockIns",
                column: "StoreOrderId",
                filter: "\"StoreOrderId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders",
                column: "StoreOrderId",
                filter: "\"StoreOrderId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReturnStockIns_StoreOrderId",
                table: "ReturnStockIns");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnStockIns_StoreOrderId",
                table: "ReturnStockIns",
                column: "StoreOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders",
                column: "StoreOrderId");
        }
    }
}

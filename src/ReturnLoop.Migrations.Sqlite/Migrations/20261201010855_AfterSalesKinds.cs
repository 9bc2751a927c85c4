using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AfterSalesKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_NeedsAttention_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "NeedsAttention", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders",
                column: "StoreOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_NeedsAttention_Id",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_StoreOrderId",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "AttentionReason",
                table: "AfterSalesOrders");

            migrationBuilder.DropColumn(
                name: "NeedsAttention",
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

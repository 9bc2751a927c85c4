using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_DistributorAccountId_Stat~",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_NeedsAttention_Id",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "NeedsAttention", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_SupplierAccountId_DistributorAccountId_Status_~",
                table: "RefundOrders",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundOrders_SupplierAccountId_Method_Status_Id",
                table: "RefundOrders",
                columns: new[] { "SupplierAccountId", "Method", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionReturns_DistributorAccountId_SupplierAccountId~1",
                table: "DistributionReturns",
                columns: new[] { "DistributorAccountId", "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_DistributorAccountId_Status_Id",
                table: "DistributionOrders",
                columns: new[] { "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_SupplierAccountId_DistributorAccountId_S~",
                table: "DistributionOrders",
                columns: new[] { "SupplierAccountId", "DistributorAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionOrders_SupplierAccountId_Status_Id",
                table: "DistributionOrders",
                columns: new[] { "SupplierAccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_PlatformReturnId",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "PlatformReturnId" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Source_Status_Id",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "Source", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_SupplierAccountId_Sta~",
                table: "AfterSalesOrders",
                columns: new[] { "DistributorAccountId", "SupplierAccountId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_SupplierAccountId_DistributorAccountId_Stat~",
                table: "SupplierReturns");

            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_SupplierAccountId_NeedsAttention_Id",
                table: "SupplierReturns");

            migrationBuilder.DropIndex(
                name: "IX_RefundOrders_SupplierAccountId_DistributorAccountId_Status_~",
                table: "RefundOrders");

            migrationBuilder.DropIndex(
                name: "IX_RefundOrders_SupplierAccountId_Method_Status_Id",
                table: "RefundOrders");

            migrationBuilder.DropIndex(
                name: "IX_DistributionReturns_DistributorAccountId_SupplierAccountId~1",
                table: "DistributionReturns");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_DistributorAccountId_Status_Id",
                table: "DistributionOrders");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_SupplierAccountId_DistributorAccountId_S~",
                table: "DistributionOrders");

            migrationBuilder.DropIndex(
                name: "IX_DistributionOrders_SupplierAccountId_Status_Id",
                table: "DistributionOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_PlatformReturnId",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_Source_Status_Id",
                table: "AfterSalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_AfterSalesOrders_DistributorAccountId_SupplierAccountId_Sta~",
                table: "AfterSalesOrders");
        }
    }
}

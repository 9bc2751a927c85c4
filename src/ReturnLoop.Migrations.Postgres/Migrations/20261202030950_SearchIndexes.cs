using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SupplierReturns_SupplierAccountId_MarketplaceOrderNo",
                table: "SupplierReturns",
                columns: new[] { "SupplierAccountId", "MarketplaceOrderNo" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupplierReturns_SupplierAccountId_MarketplaceOrderNo",
                table: "SupplierReturns");
        }
    }
}

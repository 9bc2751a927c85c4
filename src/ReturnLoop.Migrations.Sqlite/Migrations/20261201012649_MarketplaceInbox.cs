using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarketplacePushes");

            migrationBuilder.DropColumn(
                name: "SyncLockedBy",
                table: "Shops");

            migrationBuilder.DropColumn(
                name: "SyncLockedUntil",
                table: "Shops");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReturnLoop.Migrations.Postgres.Migrations
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SyncLockedUntil",
                table: "Shops",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MarketplacePushes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlatformShopId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ShopId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DedupeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Beacon.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TaskForceFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    ThroughMonth = table.Column<int>(type: "integer", nullable: false),
                    ComputedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreenItemFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScreenId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rating = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreenItemFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreenItemFacts_SavedScreens_ScreenId",
                        column: x => x.ScreenId,
                        principalTable: "SavedScreens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FigureReleaseCells",
                columns: table => new
                {
                    ReleaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Disclosure = table.Column<byte>(type: "smallint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureReleaseCells", x => new { x.ReleaseId, x.Key });
                    table.ForeignKey(
                        name: "FK_FigureReleaseCells_FigureReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "FigureReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_Ins~",
                table: "SavedScreens",
                columns: new[] { "CompletedUtc", "JurisdictionId", "AgencyId", "Level", "InstrumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_FigureReleases_Quarter_ThroughMonth",
                table: "FigureReleases",
                columns: new[] { "Quarter", "ThroughMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScreenItemFacts_Month_JurisdictionId_AgencyId_ItemId",
                table: "ScreenItemFacts",
                columns: new[] { "Month", "JurisdictionId", "AgencyId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreenItemFacts_ScreenId",
                table: "ScreenItemFacts",
                column: "ScreenId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureReleaseCells");

            migrationBuilder.DropTable(
                name: "ScreenItemFacts");

            migrationBuilder.DropTable(
                name: "FigureReleases");

            migrationBuilder.DropIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_Ins~",
                table: "SavedScreens");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Screens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Protected = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentRecords",
                columns: table => new
                {
                    InstrumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: true),
                    ImportedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ImportedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RetiredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RetiredByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentRecords", x => new { x.InstrumentId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "SavedScreens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false),
                    TipId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectProtected = table.Column<string>(type: "text", nullable: true),
                    SubjectIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedScreens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedScreens_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SavedScreens_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SavedScreens_Tips_TipId",
                        column: x => x.TipId,
                        principalTable: "Tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_AuthorId_UpdatedUtc",
                table: "SavedScreens",
                columns: new[] { "AuthorId", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_JurisdictionId_SubjectIndex_CreatedUtc",
                table: "SavedScreens",
                columns: new[] { "JurisdictionId", "SubjectIndex", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_JurisdictionId_TipId_CreatedUtc",
                table: "SavedScreens",
                columns: new[] { "JurisdictionId", "TipId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_TipId",
                table: "SavedScreens",
                column: "TipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSecrets");

            migrationBuilder.DropTable(
                name: "InstrumentRecords");

            migrationBuilder.DropTable(
                name: "SavedScreens");
        }
    }
}

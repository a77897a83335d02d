using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FiguresCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_InstrumentId",
                table: "SavedScreens");

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_AgeBand_Gender",
                table: "SavedScreens",
                columns: new[] { "CompletedUtc", "JurisdictionId", "AgencyId", "Level", "AgeBand", "Gender" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_AgeBand_Gender",
                table: "SavedScreens");

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_InstrumentId",
                table: "SavedScreens",
                columns: new[] { "CompletedUtc", "JurisdictionId", "AgencyId", "Level", "InstrumentId" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FiguresCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_Ins~",
                table: "SavedScreens");

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_Age~",
                table: "SavedScreens",
                columns: new[] { "CompletedUtc", "JurisdictionId", "AgencyId", "Level", "AgeBand", "Gender" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_Age~",
                table: "SavedScreens");

            migrationBuilder.CreateIndex(
                name: "IX_SavedScreens_CompletedUtc_JurisdictionId_AgencyId_Level_Ins~",
                table: "SavedScreens",
                columns: new[] { "CompletedUtc", "JurisdictionId", "AgencyId", "Level", "InstrumentId" });
        }
    }
}

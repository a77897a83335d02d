using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScreenYouthProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "SavedScreens",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "SavedScreens",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformsJson",
                table: "SavedScreens",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "SavedScreens");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "SavedScreens");

            migrationBuilder.DropColumn(
                name: "PlatformsJson",
                table: "SavedScreens");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "SavedScreens",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformsJson",
                table: "SavedScreens",
                type: "TEXT",
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

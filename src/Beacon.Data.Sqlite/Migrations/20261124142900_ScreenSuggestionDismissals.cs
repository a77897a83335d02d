using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScreenSuggestionDismissals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DismissedSuggestionsJson",
                table: "SavedScreens",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DismissedSuggestionsJson",
                table: "SavedScreens");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceEndedTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EndedUtc",
                table: "CaseServices",
                type: "timestamp with time zone",
                nullable: true);

            // Services that had already ended: their last update is the best record of when.
            migrationBuilder.Sql("UPDATE \"CaseServices\" SET \"EndedUtc\" = \"UpdatedUtc\" WHERE \"Status\" IN ('Completed', 'Declined');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndedUtc",
                table: "CaseServices");
        }
    }
}

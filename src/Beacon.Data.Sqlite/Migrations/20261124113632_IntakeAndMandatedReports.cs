using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IntakeAndMandatedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TriageHours",
                table: "Jurisdictions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TriageRoles",
                table: "Jurisdictions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<string>(
                name: "ReporterCapacity",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkAddress",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkPhone",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TriagesIntake",
                table: "Agencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "IntakeItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScreenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", nullable: true),
                    CallerRole = table.Column<string>(type: "TEXT", nullable: true),
                    CallerPhone = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    LoggedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    YouthId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastActionUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntakeItems_AspNetUsers_AssignedUserId",
                        column: x => x.AssignedUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeItems_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeItems_SavedScreens_ScreenId",
                        column: x => x.ScreenId,
                        principalTable: "SavedScreens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeItems_Tips_TipId",
                        column: x => x.TipId,
                        principalTable: "Tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeItems_Youth_YouthId",
                        column: x => x.YouthId,
                        principalTable: "Youth",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MandatedReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LawId = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReporterUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScreenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CalledContactId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CalledAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PhonedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", nullable: false),
                    ReferenceNumber = table.Column<string>(type: "TEXT", nullable: true),
                    WrittenDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DraftJson = table.Column<string>(type: "TEXT", nullable: true),
                    DraftSavedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SentTo = table.Column<string>(type: "TEXT", nullable: true),
                    SentRecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MandatedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MandatedReports_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MandatedReports_AspNetUsers_ReporterUserId",
                        column: x => x.ReporterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MandatedReports_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MandatedReports_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MandatedReports_SavedScreens_ScreenId",
                        column: x => x.ScreenId,
                        principalTable: "SavedScreens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tips_JurisdictionId_ReceivedUtc",
                table: "Tips",
                columns: new[] { "JurisdictionId", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_AssignedUserId",
                table: "IntakeItems",
                column: "AssignedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_CaseId",
                table: "IntakeItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_JurisdictionId_Status_LastActionUtc",
                table: "IntakeItems",
                columns: new[] { "JurisdictionId", "Status", "LastActionUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_JurisdictionId_Status_ReceivedUtc",
                table: "IntakeItems",
                columns: new[] { "JurisdictionId", "Status", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_ScreenId",
                table: "IntakeItems",
                column: "ScreenId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_TipId",
                table: "IntakeItems",
                column: "TipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakeItems_YouthId",
                table: "IntakeItems",
                column: "YouthId");

            migrationBuilder.CreateIndex(
                name: "IX_MandatedReports_AgencyId_SentUtc_WrittenDueUtc",
                table: "MandatedReports",
                columns: new[] { "AgencyId", "SentUtc", "WrittenDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MandatedReports_CaseId",
                table: "MandatedReports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MandatedReports_JurisdictionId",
                table: "MandatedReports",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_MandatedReports_ReporterUserId_SentUtc_WrittenDueUtc",
                table: "MandatedReports",
                columns: new[] { "ReporterUserId", "SentUtc", "WrittenDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MandatedReports_ScreenId",
                table: "MandatedReports",
                column: "ScreenId");

            // Every tip already received, and every finished staff screen of concern not about a tip,
            // gets its place in the queue (the source's id serves as the item's); a tip marked
            // "reviewed" before triage existed is closed with that as its reason.
            migrationBuilder.Sql("""
                INSERT INTO "IntakeItems" ("Id", "JurisdictionId", "Source", "ReceivedUtc", "Level", "TipId", "Status",
                    "CloseReason", "ClosedUtc", "ClosedByUserId", "LastActionUtc", "Stamp")
                SELECT "Id", "JurisdictionId", 'Tip', "ReceivedUtc", NULL, "Id",
                    CASE WHEN "Status" = 'Reviewed' THEN 'Closed' ELSE 'New' END,
                    CASE WHEN "Status" = 'Reviewed' THEN 'Other' ELSE NULL END,
                    "ReviewedUtc", "ReviewedByUserId", COALESCE("ReviewedUtc", "ReceivedUtc"), "Id"
                FROM "Tips";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "IntakeItems" ("Id", "JurisdictionId", "Source", "ReceivedUtc", "Level", "ScreenId", "Status",
                    "CaseId", "YouthId", "LastActionUtc", "Stamp")
                SELECT s."Id", s."JurisdictionId", 'Screen', s."CompletedUtc", s."Level", s."Id",
                    CASE WHEN s."CaseId" IS NULL THEN 'New' ELSE 'Linked' END,
                    s."CaseId", c."YouthId", s."CompletedUtc", s."Id"
                FROM "SavedScreens" s LEFT JOIN "Cases" c ON c."Id" = s."CaseId"
                WHERE s."TipId" IS NULL AND s."CompletedUtc" IS NOT NULL AND s."Level" IN ('Possible', 'Clear');
                """);

            migrationBuilder.DropIndex(
                name: "IX_Tips_JurisdictionId_Status_ReceivedUtc",
                table: "Tips");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "Tips");

            migrationBuilder.DropColumn(
                name: "ReviewedUtc",
                table: "Tips");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Tips");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MandatedReports");

            migrationBuilder.DropIndex(
                name: "IX_Tips_JurisdictionId_ReceivedUtc",
                table: "Tips");

            migrationBuilder.DropColumn(
                name: "TriageHours",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "TriageRoles",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "ReporterCapacity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WorkAddress",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WorkPhone",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TriagesIntake",
                table: "Agencies");

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedByUserId",
                table: "Tips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedUtc",
                table: "Tips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Tips",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Tips_JurisdictionId_Status_ReceivedUtc",
                table: "Tips",
                columns: new[] { "JurisdictionId", "Status", "ReceivedUtc" });

            migrationBuilder.Sql("""
                UPDATE "Tips" SET "Status" = CASE WHEN EXISTS (SELECT 1 FROM "IntakeItems" i WHERE i."TipId" = "Tips"."Id" AND i."Status" <> 'New')
                    THEN 'Reviewed' ELSE 'New' END;
                """);

            migrationBuilder.DropTable(
                name: "IntakeItems");
        }
    }
}

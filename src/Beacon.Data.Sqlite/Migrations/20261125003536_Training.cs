using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TrainingRenewalMonths",
                table: "Jurisdictions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.CreateTable(
                name: "QuizAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Correct = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    PassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LearnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PassedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingCertificates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingCertificates_QuizAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "QuizAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Jurisdictions_TrainingRenewalMonths",
                table: "Jurisdictions",
                sql: "\"TrainingRenewalMonths\" BETWEEN 1 AND 60");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_UserId_CourseSlug_SubmittedUtc",
                table: "QuizAttempts",
                columns: new[] { "UserId", "CourseSlug", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCertificates_AttemptId",
                table: "TrainingCertificates",
                column: "AttemptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCertificates_Code",
                table: "TrainingCertificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCertificates_UserId_CourseSlug_PassedUtc",
                table: "TrainingCertificates",
                columns: new[] { "UserId", "CourseSlug", "PassedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingCertificates");

            migrationBuilder.DropTable(
                name: "QuizAttempts");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Jurisdictions_TrainingRenewalMonths",
                table: "Jurisdictions");

            migrationBuilder.DropColumn(
                name: "TrainingRenewalMonths",
                table: "Jurisdictions");
        }
    }
}

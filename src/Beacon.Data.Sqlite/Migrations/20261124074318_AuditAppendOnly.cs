using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Data.Sqlite.Migrations
{
    /// <summary>
    /// The audit trail refuses UPDATE and DELETE at the database too, so a bug or a stray statement cannot
    /// edit it. Someone with rights to drop the triggers still can; the hash chain shows it (ADR-007).
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditLog_NoUpdate" BEFORE UPDATE ON "AuditLog"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditLog_NoDelete" BEFORE DELETE ON "AuditLog"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditLog_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditLog_NoDelete";""");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChangeSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "change_set_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            // Entries written before this column existed get the save they came from: one save wrote its entries
            // with one timestamp and one user, so (at, user_id) is that save. This is the only write ever made to
            // existing entries; the append-only trigger is set aside for it inside this migration's transaction,
            // which holds the table's exclusive lock, and the entries' recorded content is left as it was.
            migrationBuilder.Sql("""
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only;
                UPDATE audit_entries SET change_set_id = md5(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '|' || coalesce(user_id, ''))::uuid;
                ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;
                """);

            migrationBuilder.AlterColumn<Guid>(
                name: "change_set_id",
                table: "audit_entries",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_change_set_id",
                table: "audit_entries",
                column: "change_set_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_change_set_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "change_set_id",
                table: "audit_entries");
        }
    }
}

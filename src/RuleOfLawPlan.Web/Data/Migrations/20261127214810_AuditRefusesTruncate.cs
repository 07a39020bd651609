using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditRefusesTruncate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Row triggers do not see TRUNCATE. A statement trigger fires for every role that may truncate the
            // table, its owner and a superuser included, so it works whether the app owns its database (its own
            // PostgreSQL) or not (docs/decisions/004-audit-trail.md).
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_truncate ON audit_entries;");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_progress_updates_accepted_by_section",
                table: "progress_updates",
                columns: new[] { "section_id", "as_of" },
                filter: "review = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "ix_progress_updates_accepted_by_task",
                table: "progress_updates",
                columns: new[] { "plan_task_id", "section_id", "as_of" },
                filter: "review = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "ix_progress_updates_accepted_recent",
                table: "progress_updates",
                columns: new[] { "as_of", "reviewed_at", "id" },
                filter: "review = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "ix_progress_updates_returned_by_section",
                table: "progress_updates",
                column: "section_id",
                filter: "review = 'Returned'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_progress_updates_accepted_by_section",
                table: "progress_updates");

            migrationBuilder.DropIndex(
                name: "ix_progress_updates_accepted_by_task",
                table: "progress_updates");

            migrationBuilder.DropIndex(
                name: "ix_progress_updates_accepted_recent",
                table: "progress_updates");

            migrationBuilder.DropIndex(
                name: "ix_progress_updates_returned_by_section",
                table: "progress_updates");
        }
    }
}

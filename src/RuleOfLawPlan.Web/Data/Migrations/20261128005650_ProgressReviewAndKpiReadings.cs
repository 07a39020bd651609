using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReviewAndKpiReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_superseded",
                table: "progress_updates",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "review",
                table: "progress_updates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "review_comment",
                table: "progress_updates",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reviewed_at",
                table: "progress_updates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "progress_updates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "supersedes_id",
                table: "progress_updates",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answer",
                table: "instructions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "answered_at",
                table: "instructions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answered_by",
                table: "instructions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "answered_by_section_id",
                table: "instructions",
                type: "integer",
                nullable: true);

            // Updates recorded before review existed counted at once (the progress form then recorded through RecordProgressWithoutReview, since removed): they are accepted,
            // by their author, when they were recorded.
            migrationBuilder.Sql(
                "UPDATE progress_updates SET review = 'Accepted', reviewed_by = recorded_by, reviewed_at = recorded_at;");

            migrationBuilder.CreateTable(
                name: "kpi_readings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    numerator = table.Column<int>(type: "integer", nullable: true),
                    denominator = table.Column<int>(type: "integer", nullable: true),
                    this_year_count = table.Column<int>(type: "integer", nullable: true),
                    last_year_count = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_readings", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_readings_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_progress_updates_review",
                table: "progress_updates",
                column: "review",
                filter: "review = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_progress_updates_supersedes_id",
                table: "progress_updates",
                column: "supersedes_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_instructions_answered_by_section_id",
                table: "instructions",
                column: "answered_by_section_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_readings_kpi_id_as_of_recorded_at",
                table: "kpi_readings",
                columns: new[] { "kpi_id", "as_of", "recorded_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_instructions_sections_answered_by_section_id",
                table: "instructions",
                column: "answered_by_section_id",
                principalTable: "sections",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_progress_updates_progress_updates_supersedes_id",
                table: "progress_updates",
                column: "supersedes_id",
                principalTable: "progress_updates",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_instructions_sections_answered_by_section_id",
                table: "instructions");

            migrationBuilder.DropForeignKey(
                name: "fk_progress_updates_progress_updates_supersedes_id",
                table: "progress_updates");

            migrationBuilder.DropTable(
                name: "kpi_readings");

            migrationBuilder.DropIndex(
                name: "ix_progress_updates_review",
                table: "progress_updates");

            migrationBuilder.DropIndex(
                name: "ix_progress_updates_supersedes_id",
                table: "progress_updates");

            migrationBuilder.DropIndex(
                name: "ix_instructions_answered_by_section_id",
                table: "instructions");

            migrationBuilder.DropColumn(
                name: "is_superseded",
                table: "progress_updates");

            migrationBuilder.DropColumn(
                name: "review",
                table: "progress_updates");

            migrationBuilder.DropColumn(
                name: "review_comment",
                table: "progress_updates");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                table: "progress_updates");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "progress_updates");

            migrationBuilder.DropColumn(
                name: "supersedes_id",
                table: "progress_updates");

            migrationBuilder.DropColumn(
                name: "answer",
                table: "instructions");

            migrationBuilder.DropColumn(
                name: "answered_at",
                table: "instructions");

            migrationBuilder.DropColumn(
                name: "answered_by",
                table: "instructions");

            migrationBuilder.DropColumn(
                name: "answered_by_section_id",
                table: "instructions");
        }
    }
}

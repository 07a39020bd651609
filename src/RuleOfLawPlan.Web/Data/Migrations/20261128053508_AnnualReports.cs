using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnualReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_plan_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_reports_plans_work_plan_id",
                        column: x => x.work_plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_revisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    annual_report_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    secrecy_reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    secrecy_reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_revisions_reports_annual_report_id",
                        column: x => x.annual_report_id,
                        principalTable: "annual_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    annual_report_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_steps_annual_reports_annual_report_id",
                        column: x => x.annual_report_id,
                        principalTable: "annual_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_parts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_revision_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    drafted_text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    draft_sources = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_parts_report_revisions_report_revision_id",
                        column: x => x.report_revision_id,
                        principalTable: "report_revisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_reports_work_plan_id",
                table: "annual_reports",
                column: "work_plan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_parts_report_revision_id_number",
                table: "report_parts",
                columns: new[] { "report_revision_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_revisions_annual_report_id_number",
                table: "report_revisions",
                columns: new[] { "annual_report_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_steps_annual_report_id",
                table: "report_steps",
                column: "annual_report_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_parts");

            migrationBuilder.DropTable(
                name: "report_steps");

            migrationBuilder.DropTable(
                name: "report_revisions");

            migrationBuilder.DropTable(
                name: "annual_reports");
        }
    }
}

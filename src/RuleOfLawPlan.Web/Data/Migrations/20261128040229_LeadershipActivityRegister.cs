using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeadershipActivityRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leadership_activities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_plan_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    chaired_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leadership_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_leadership_activities_plans_work_plan_id",
                        column: x => x.work_plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activity_evidence_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    leadership_activity_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_evidence_files", x => x.id);
                    table.CheckConstraint("ck_activity_evidence_files_length", "length > 0");
                    table.ForeignKey(
                        name: "fk_activity_evidence_files_leadership_activities_leadership_ac",
                        column: x => x.leadership_activity_id,
                        principalTable: "leadership_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_task_links",
                columns: table => new
                {
                    leadership_activity_id = table.Column<int>(type: "integer", nullable: false),
                    plan_task_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_task_links", x => new { x.leadership_activity_id, x.plan_task_id });
                    table.ForeignKey(
                        name: "fk_activity_task_links_leadership_activities_leadership_activi",
                        column: x => x.leadership_activity_id,
                        principalTable: "leadership_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_activity_task_links_tasks_plan_task_id",
                        column: x => x.plan_task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activity_evidence_chunks",
                columns: table => new
                {
                    activity_evidence_file_id = table.Column<long>(type: "bigint", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_evidence_chunks", x => new { x.activity_evidence_file_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_activity_evidence_chunks_activity_evidence_files_activity_e",
                        column: x => x.activity_evidence_file_id,
                        principalTable: "activity_evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_evidence_files_leadership_activity_id",
                table: "activity_evidence_files",
                column: "leadership_activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_task_links_plan_task_id",
                table: "activity_task_links",
                column: "plan_task_id");

            migrationBuilder.CreateIndex(
                name: "ix_leadership_activities_work_plan_id_kind_held_on",
                table: "leadership_activities",
                columns: new[] { "work_plan_id", "kind", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_evidence_chunks");

            migrationBuilder.DropTable(
                name: "activity_task_links");

            migrationBuilder.DropTable(
                name: "activity_evidence_files");

            migrationBuilder.DropTable(
                name: "leadership_activities");
        }
    }
}

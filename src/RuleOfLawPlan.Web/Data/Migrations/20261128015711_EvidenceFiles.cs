using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plan_task_id = table.Column<int>(type: "integer", nullable: false),
                    progress_update_id = table.Column<long>(type: "bigint", nullable: true),
                    kpi_reading_id = table.Column<long>(type: "bigint", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.CheckConstraint("ck_evidence_files_backs_one", "(progress_update_id IS NULL) <> (kpi_reading_id IS NULL)");
                    table.CheckConstraint("ck_evidence_files_length", "length > 0");
                    table.ForeignKey(
                        name: "fk_evidence_files_kpi_readings_kpi_reading_id",
                        column: x => x.kpi_reading_id,
                        principalTable: "kpi_readings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_files_progress_updates_progress_update_id",
                        column: x => x.progress_update_id,
                        principalTable: "progress_updates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_files_tasks_plan_task_id",
                        column: x => x.plan_task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_chunks",
                columns: table => new
                {
                    evidence_file_id = table.Column<long>(type: "bigint", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_chunks", x => new { x.evidence_file_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_evidence_chunks_evidence_files_evidence_file_id",
                        column: x => x.evidence_file_id,
                        principalTable: "evidence_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_kpi_reading_id",
                table: "evidence_files",
                column: "kpi_reading_id",
                filter: "kpi_reading_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_plan_task_id",
                table: "evidence_files",
                column: "plan_task_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_progress_update_id",
                table: "evidence_files",
                column: "progress_update_id",
                filter: "progress_update_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_chunks");

            migrationBuilder.DropTable(
                name: "evidence_files");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleOfLawPlan.Web.Data.Migrations
{
    /// <summary>
    /// <c>plan_data_version</c>: a number that moves on every commit that changes plan data, by any writer (the app, the
    /// command line, an import, a hand-written statement), so that figures computed from that data can be kept until it
    /// changes (decision 025). The triggers are deferred to the commit and bump the number once per transaction, so its
    /// row is locked only between the bump and the commit and a writer never waits on it while holding other locks.
    /// </summary>
    public partial class PlanDataVersion : Migration
    {
        /// <summary>The tables as of this migration: a later one that adds a table adds its triggers itself.</summary>
        private static readonly string[] Tables =
            ["plans", "key_areas", "tasks", "task_supports", "progress_updates", "kpis", "kpi_readings", "instructions", "sections"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE plan_data_version (
                    id boolean PRIMARY KEY DEFAULT true CHECK (id),
                    value bigint NOT NULL
                );
                INSERT INTO plan_data_version (id, value) VALUES (true, 1);

                CREATE FUNCTION plan_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('plan_data_version.bumped', true) IS DISTINCT FROM 'on' THEN
                        PERFORM set_config('plan_data_version.bumped', 'on', true);
                        UPDATE plan_data_version SET value = value + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER plan_data_changed AFTER INSERT OR UPDATE OR DELETE ON {table}
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_data_version_bump();
                    CREATE TRIGGER plan_data_truncated AFTER TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION plan_data_version_bump();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER plan_data_changed ON {table};
                    DROP TRIGGER plan_data_truncated ON {table};
                    """);
            }
            migrationBuilder.Sql("DROP FUNCTION plan_data_version_bump(); DROP TABLE plan_data_version;");
        }
    }
}

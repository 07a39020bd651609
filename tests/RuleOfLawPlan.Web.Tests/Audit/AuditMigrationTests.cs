using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Audit;

public sealed class AuditMigrationTests(PostgresClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Entries written before change sets existed are grouped by the save that wrote them — one save, one timestamp,
    /// one user — and keep what they recorded.
    /// </summary>
    [Fact]
    public async Task Upgrading_groups_earlier_entries_by_the_save_that_wrote_them()
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync());
        await using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("SnakeCaseIdentityTables", Ct);
        await Sql.Execute(connectionString, """
            INSERT INTO audit_entries (at, user_id, user_name, action, entity_type, entity_key, after) VALUES
              ('2023-06-01 10:00:00.123456+00', 'u1', '甲', 'Insert', 'ProgressUpdate', '1', '{"Percent": 35}'),
              ('2023-06-01 10:00:00.123456+00', 'u1', '甲', 'Update', 'PlanTask', '7', '{"PercentComplete": 35}'),
              ('2023-06-01 10:00:00.123456+00', NULL, 'system', 'Insert', 'Section', '3', '{"Name": "综合执法科"}'),
              ('2023-06-01 10:00:00.123457+00', 'u1', '甲', 'Insert', 'Instruction', '2', '{"Text": "抓好落实"}')
            """);

        await migrator.MigrateAsync(cancellationToken: Ct);

        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        entries.Count.ShouldBe(4);
        entries[1].ChangeSetId.ShouldBe(entries[0].ChangeSetId, "one save by one user");
        entries[2].ChangeSetId.ShouldNotBe(entries[0].ChangeSetId, "another user");
        entries[3].ChangeSetId.ShouldNotBe(entries[0].ChangeSetId, "another moment");
        entries.ShouldAllBe(e => e.ChangeSetId != Guid.Empty);
        entries[0].After.ShouldBe("""{"Percent": 35}""");
        (await Sql.Scalar<bool>(connectionString,
            "SELECT tgenabled = 'O' FROM pg_trigger WHERE tgname = 'audit_entries_append_only'")).ShouldBeTrue("the trigger is back on");
    }
}

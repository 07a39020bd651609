using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Data;

public sealed class MigrationTests(PostgresClusterFixture cluster)
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync());
        await using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
        var ct = TestContext.Current.CancellationToken;

        await db.Database.MigrateAsync(ct);

        (await db.Database.GetPendingMigrationsAsync(ct)).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changes no migration covers: add one");
        (await Sql.Scalar<long>(connectionString, "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('plans','key_areas','tasks','kpis','deliverables','task_supports','sections','organizations','data_protection_keys','asp_net_users')"))
            .ShouldBe(10);
    }

    [Fact]
    public async Task Editable_rows_carry_the_xmin_concurrency_token()
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        await using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
        var ct = TestContext.Current.CancellationToken;
        var task = await db.Tasks.Include(t => t.Plan).FirstAsync(ct);
        var version = task.Version;
        await using var other = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
        var sameTask = await other.Tasks.Include(t => t.Plan).FirstAsync(t => t.Id == task.Id, ct);
        sameTask.Assign(null, [], "分管副局长", new DateOnly(2023, 12, 31), null);
        await other.SaveChangesAsync(ct);

        task.Assign(null, [], "局长", null, null);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(ct));
        version.ShouldNotBe(0u);
    }
}

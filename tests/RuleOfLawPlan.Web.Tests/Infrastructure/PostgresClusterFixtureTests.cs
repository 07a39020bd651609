namespace RuleOfLawPlan.Web.Tests.Infrastructure;

public sealed class PostgresClusterFixtureTests(PostgresClusterFixture cluster)
{
    [Fact]
    public async Task The_test_cluster_runs_without_fsync()
    {
        (await Sql.Scalar<string>(cluster.ConnectionStringFor("postgres"), "SHOW fsync")).ShouldBe("off");
    }

    [Fact]
    public async Task Each_new_database_is_empty_and_separate()
    {
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();

        first.ShouldNotBe(second);
        await Sql.Execute(cluster.ConnectionStringFor(first), "CREATE TABLE only_here (id int)");
        (await Sql.Scalar<long>(cluster.ConnectionStringFor(second),
            "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_template_is_prepared_once_and_every_clone_starts_from_it()
    {
        var preparations = 0;
        Func<string, Task> prepare = async connectionString =>
        {
            Interlocked.Increment(ref preparations);
            await Sql.Execute(connectionString, "CREATE TABLE plan (title text); INSERT INTO plan VALUES ('2024')");
        };

        var templates = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cluster.GetTemplateAsync("fixture_test", prepare)));
        var clones = await Task.WhenAll(templates.Select(t => cluster.CreateDatabaseAsync(t)));

        preparations.ShouldBe(1);
        templates.Distinct().ShouldHaveSingleItem();
        foreach (var clone in clones)
        {
            (await Sql.Scalar<string>(cluster.ConnectionStringFor(clone), "SELECT title FROM plan")).ShouldBe("2024");
        }
        await Sql.Execute(cluster.ConnectionStringFor(clones[0]), "DELETE FROM plan");
        (await Sql.Scalar<long>(cluster.ConnectionStringFor(clones[1]), "SELECT count(*) FROM plan")).ShouldBe(1);
    }
}

using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;
using RuleOfLawPlan.Web.Pages.Dashboard;

namespace RuleOfLawPlan.Web.Tests.Data;

/// <summary>
/// The data generator at an explicit size: exactly the rows asked for, figures the domain would have computed from the
/// updates, evidence whose content matches its hash, and the same rows from the same seed.
/// </summary>
public sealed class ScaleDataTests(PostgresClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ScaleOptions Small = new(Tasks: 60, Updates: 700, PriorYears: 2, Seed: 7);

    private async Task<(string ConnectionString, int PlanId)> FilledAsync(ScaleOptions options)
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        await using var db = Open(connectionString);
        return (connectionString, await ScaleData.FillAsync(db, options, Ct));
    }

    private static PlanDb Open(string connectionString) =>
        new(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);

    [Fact]
    public async Task It_makes_the_tasks_and_updates_asked_for_and_each_earlier_year_as_large()
    {
        var (connectionString, planId) = await FilledAsync(Small);
        await using var db = Open(connectionString);

        (await db.Tasks.CountAsync(t => t.WorkPlanId == planId, Ct)).ShouldBe(60);
        (await db.ProgressUpdates.CountAsync(u => db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == planId), Ct)).ShouldBe(700);
        var earlier = await db.Plans.Where(p => p.Id != planId).OrderBy(p => p.Year)
            .Select(p => new { p.Year, p.Status, Tasks = db.Tasks.Count(t => t.WorkPlanId == p.Id) }).ToListAsync(Ct);
        earlier.ShouldBe([new { Year = 2021, Status = PlanStatus.Closed, Tasks = 60 }, new { Year = 2022, Status = PlanStatus.Closed, Tasks = 60 }]);
        (await db.KpiReadings.CountAsync(r => db.Kpis.Any(k => k.Id == r.KpiId && db.Tasks.Any(t => t.Id == k.PlanTaskId && t.Plan.Year == 2021)), Ct))
            .ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Each_tasks_figure_is_its_lead_sections_current_accepted_update_as_the_domain_reads_it()
    {
        var (connectionString, _) = await FilledAsync(Small);
        await using var db = Open(connectionString);
        var tasks = await db.Tasks.Include(t => t.Updates).AsSplitQuery().ToListAsync(Ct);

        tasks.Count.ShouldBe(60 * 3);
        foreach (var task in tasks)
        {
            var figure = task.LeadSectionId is int lead ? task.CurrentUpdate(lead)?.Percent ?? 0 : 0;
            task.PercentComplete.ShouldBe(figure, $"task {task.Id}");
            task.Status.ShouldBe(PlanTask.StatusFor(figure), $"task {task.Id}");
        }
        tasks.SelectMany(t => t.Updates).ShouldContain(u => u.Review == ReviewState.Returned && u.IsSuperseded);
        tasks.Select(t => t.Status).Distinct().Count().ShouldBeGreaterThan(1, "some tasks are done and some are not");
    }

    [Fact]
    public async Task Every_evidence_file_has_its_content_and_the_content_matches_its_hash()
    {
        var (connectionString, _) = await FilledAsync(Small);

        (await Sql.Scalar<long>(connectionString, "SELECT count(*) FROM evidence_files")).ShouldBeGreaterThan(0);
        (await Sql.Scalar<long>(connectionString, """
            SELECT count(*) FROM evidence_files f
            WHERE NOT EXISTS (SELECT 1 FROM evidence_chunks c WHERE c.evidence_file_id = f.id
                AND encode(sha256(c.data), 'hex') = f.sha256 AND length(c.data) = f.length)
            """)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var first = await DigestAsync((await FilledAsync(Small)).ConnectionString);
        var again = await DigestAsync((await FilledAsync(Small)).ConnectionString);
        var other = await DigestAsync((await FilledAsync(Small with { Seed = 8 })).ConnectionString);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public async Task It_refuses_a_database_whose_plan_already_has_updates()
    {
        var (connectionString, _) = await FilledAsync(Small);
        await using var db = Open(connectionString);

        await Should.ThrowAsync<InvalidOperationException>(() => ScaleData.FillAsync(db, Small, Ct));
    }

    [Fact]
    public async Task At_ten_times_every_kpi_of_the_viewed_plan_has_exactly_one_match_in_last_years_plan()
    {
        var connectionString = cluster.ConnectionStringFor(
            await cluster.CreateDatabaseAsync(await ScaleAppFixture.FilledTemplateAsync(cluster, ScaleOptions.Ten)));
        await using var db = Open(connectionString);
        var organizationId = await db.Plans.Where(p => p.Year == DemoYear.Year).Select(p => p.OrganizationId).SingleAsync(Ct);
        var asOf = new DateOnly(DemoYear.Year, 12, 31);

        var thisYear = await YearComparison.KpisOfYearAsync(db, organizationId, DemoYear.Year, asOf, Ct);
        var lastYear = await YearComparison.KpisOfYearAsync(db, organizationId, DemoYear.Year - 1, asOf.AddYears(-1), Ct);
        var matched = YearComparison.Match([.. thisYear.Select(k => (k.Id, YearComparison.MatchKey.Of(k.Name, k.Kind, k.Unit)))], lastYear);

        thisYear.ShouldNotBeEmpty();
        thisYear.Where(k => !matched.ContainsKey(k.Id)).Select(k => k.Name).ShouldBeEmpty("KPIs without a match in last year's plan");
        matched.Values.Select(k => k.Id).Distinct().Count().ShouldBe(thisYear.Count, "each of last year's KPIs matches one of this year's");
    }

    /// <summary>The generated tables' rows in id order (system columns such as xmin are not part of a row's text).</summary>
    private static Task<string> DigestAsync(string connectionString) => Sql.Scalar<string>(connectionString, """
        SELECT md5(concat(
            (SELECT string_agg(t::text, ',' ORDER BY id) FROM tasks t),
            (SELECT string_agg(u::text, ',' ORDER BY id) FROM progress_updates u),
            (SELECT string_agg(r::text, ',' ORDER BY id) FROM kpi_readings r),
            (SELECT string_agg(i::text, ',' ORDER BY id) FROM instructions i),
            (SELECT string_agg(f::text, ',' ORDER BY id) FROM evidence_files f)))
        """);
}

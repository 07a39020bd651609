using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Demo;
using RuleOfLawPlan.Web.Pages.Dashboard;

namespace RuleOfLawPlan.Web.Tests.Dashboard;

/// <summary>
/// The dashboard sends as many SQL commands at 100× the 2023 plan (<see cref="ScaleOptions.Hundred"/>: 2 600 tasks,
/// 30 000 updates with their evidence, ten earlier years) as at 1× (the 2023 plan with its demo year): the figures are
/// grouped in PostgreSQL, whatever the data; counted on a look that computes them, after a change. Each size is one
/// database, shared by the class.
/// </summary>
public sealed class DashboardRoundTripTests(OneTimesAppFixture one, HundredTimesAppFixture hundred)
    : IClassFixture<OneTimesAppFixture>, IClassFixture<HundredTimesAppFixture>
{
    /// <summary>
    /// The session, the bell, the data's version, then (the figures being computed after a change) plans, tasks, lights,
    /// supports, updates by section, KPIs, open 批示 and their count, recent updates, section names, completion at each month
    /// end, last year's KPIs.
    /// </summary>
    private const int Budget = 15;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_sends_the_same_fixed_number_of_commands_at_1x_and_100x()
    {
        var small = await CountAsync(one);
        var big = await CountAsync(hundred);

        small.ShouldBeLessThanOrEqualTo(Budget);
        big.ShouldBe(small);
        var bigPage = await (await (await hundred.UserAsync("leader")).GetAsync($"/dashboard?plan={hundred.PlanId}", Ct)).HtmlAsync();
        bigPage.QuerySelector("[data-testid=task-count]")!.TextContent.Trim().ShouldBe("2600");
        bigPage.QuerySelectorAll("[data-testid=recent-update]").Length.ShouldBe(IndexModel.ListLength);
        bigPage.QuerySelectorAll("[data-testid=month-row]").Length.ShouldBe(12, "the plan's year has ended");
        bigPage.QuerySelectorAll("[data-testid=kpi-last-year]").Length.ShouldBeGreaterThan(0, "the ten earlier years include last year's plan");
    }

    [Fact]
    public async Task At_100x_the_page_shows_a_glance_the_most_pressing_first_and_links_to_the_rest()
    {
        var leader = await hundred.UserAsync("leader");
        var page = await (await leader.GetAsync($"/dashboard?plan={hundred.PlanId}", Ct)).HtmlAsync();

        page.QuerySelectorAll("[data-testid=off-track-row]").Length.ShouldBe(IndexModel.OffTrackCount);
        page.QuerySelector("[data-testid=off-track-more]").ShouldNotBeNull();
        var tiles = page.QuerySelectorAll("[data-testid=kpi-tile]").Select(t => t.GetAttribute("data-attainment")).ToList();
        tiles.Count.ShouldBe(IndexModel.TileCount);
        tiles[0].ShouldBe(nameof(KpiAttainment.NotMet), "未达标 first");
        tiles.SkipWhile(a => a == nameof(KpiAttainment.NotMet)).ShouldNotContain(nameof(KpiAttainment.NotMet));

        var all = await (await leader.GetAsync(page.QuerySelector("[data-testid=kpi-all]")!.GetAttribute("href"), Ct)).HtmlAsync();
        await using var db = hundred.CreateDb();
        all.QuerySelectorAll("[data-testid=kpi-tile]").Length
            .ShouldBe(await db.Kpis.CountAsync(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.WorkPlanId == hundred.PlanId), Ct));
    }

    [Fact]
    public async Task At_1x_each_KPI_tile_shows_what_the_domain_makes_of_the_demo_year()
    {
        var page = await (await (await one.UserAsync("leader")).GetAsync($"/dashboard?plan={one.PlanId}", Ct)).HtmlAsync();
        page.QuerySelectorAll("[data-testid=recent-update]").Length.ShouldBeGreaterThan(0, "the demo year has accepted updates");
        await using var db = one.CreateDb();
        var kpis = await db.Kpis.Include(k => k.Readings)
            .Where(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.WorkPlanId == one.PlanId)).OrderBy(k => k.Id).ToListAsync(Ct);
        var asOf = new DateOnly(DemoYear.Year, 12, 31);
        page.QuerySelectorAll("[data-testid=kpi-tile]")
            .Select(t => (t.GetAttribute("data-kpi-id"), t.GetAttribute("data-attainment")))
            .OrderBy(t => int.Parse(t.Item1!, CultureInfo.InvariantCulture))
            .ShouldBe(kpis.Select(k => ((string?)k.Id.ToString(CultureInfo.InvariantCulture), (string?)k.Evaluate(asOf).ToString())));
    }

    private static async Task<int> CountAsync(ScaleAppFixture app)
    {
        var leader = await app.UserAsync("leader");
        var url = $"/dashboard?plan={app.PlanId}";
        (await leader.GetAsync(url, Ct)).EnsureSuccessStatusCode();
        // A change, so that the figures are computed again rather than kept (DashboardFiguresCache).
        await Sql.Execute(app.ConnectionString, $"UPDATE plans SET title = title WHERE id = {app.PlanId}");
        app.Sql.Reset();
        (await leader.GetAsync(url, Ct)).EnsureSuccessStatusCode();
        return app.Sql.Count;
    }
}

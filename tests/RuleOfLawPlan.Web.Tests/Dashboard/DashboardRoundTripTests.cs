using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Web.Tests.Dashboard;

/// <summary>
/// The dashboard sends as many SQL commands for a plan twenty times the 2023 plan — with three updates, a 批示 and a
/// reading of each percentage KPI on every task — as for the 2023 plan with its demo year: the figures are grouped in
/// PostgreSQL, whatever the data.
/// </summary>
public sealed class DashboardRoundTripTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_sends_the_same_number_of_commands_for_twenty_times_the_data()
    {
        var leader = await app.SignInAsAsync("leader");
        int seededPlanId;
        await using (var db = app.CreateDb())
        {
            await DemoYear.EnsureAsync(db, Ct);
            seededPlanId = await db.Plans.Where(p => p.Year == DemoYear.Year).Select(p => p.Id).SingleAsync(Ct);
        }

        var small = await CountAsync(leader, $"/dashboard?plan={seededPlanId}");
        small.ShouldBeLessThanOrEqualTo(12, "the session, plans, tasks, lights, supports, updates by section, KPIs, open 批示 and their count, recent updates, section names");
        var smallPage = await (await leader.GetAsync($"/dashboard?plan={seededPlanId}", Ct)).HtmlAsync();
        smallPage.QuerySelectorAll("[data-testid=recent-update]").Length.ShouldBeGreaterThan(0, "the demo year has accepted updates");
        await using (var db = app.CreateDb())
        {
            var kpis = await db.Kpis.Include(k => k.Readings)
                .Where(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.WorkPlanId == seededPlanId)).OrderBy(k => k.Id).ToListAsync(Ct);
            var asOf = new DateOnly(DemoYear.Year, 12, 31);
            smallPage.QuerySelectorAll("[data-testid=kpi-tile]")
                .Select(t => (t.GetAttribute("data-kpi-id"), t.GetAttribute("data-attainment")))
                .OrderBy(t => int.Parse(t.Item1!, System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe(kpis.Select(k => ((string?)k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)k.Evaluate(asOf).ToString())));
        }

        var bigPlanId = await BigPlanAsync();
        var big = await CountAsync(leader, $"/dashboard?plan={bigPlanId}");
        var bigPage = await (await leader.GetAsync($"/dashboard?plan={bigPlanId}", Ct)).HtmlAsync();
        bigPage.QuerySelector("[data-testid=task-count]")!.TextContent.Trim().ShouldBe("520");

        big.ShouldBe(small);
    }

    private async Task<int> CountAsync(HttpClient client, string url)
    {
        app.Sql.Reset();
        (await client.GetAsync(url, Ct)).EnsureSuccessStatusCode();
        return app.Sql.Count;
    }

    /// <summary>The 2023 plan with each area's tasks twenty times over, in execution, every task led by 综合执法科 and reported on.</summary>
    private async Task<int> BigPlanAsync()
    {
        var parsed = PlanDocumentParser.Parse(await File.ReadAllBytesAsync(DatabaseSetup.ShippedPlanPath, Ct));
        await using var db = app.CreateDb();
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var sections = await db.Sections.ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var plan = (parsed with
        {
            Title = "二十倍计划",
            Areas = [.. parsed.Areas.Select(a => a with
            {
                Tasks = [.. Enumerable.Repeat(a.Tasks, 20).SelectMany(t => t).Select((t, i) => t with { Number = i + 1 })],
            })],
        }).ToDraftPlan(organizationId, 2041);
        var tasks = plan.Areas.SelectMany(a => a.Tasks).ToList();
        foreach (var task in tasks)
            task.Assign(sections["综合执法科"], [sections["政策法规办"]], "分管副局长", new DateOnly(2041, 12, 31), null);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);

        var at = new DateTimeOffset(2041, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var updates = tasks.SelectMany(task => new[]
        {
            task.RecordProgress(sections["综合执法科"], new DateOnly(2041, 4, 20), 20, "四月进展", "测试", at),
            task.RecordProgress(sections["综合执法科"], new DateOnly(2041, 5, 20), 40, "五月进展", "测试", at.AddDays(30)),
            task.RecordProgress(sections["政策法规办"], new DateOnly(2041, 5, 20), 30, "配合进展", "测试", at.AddDays(30)),
        }.Select(update => (task, update))).ToList();
        foreach (var task in tasks)
        {
            task.AddInstruction("请加快推进", "局领导", at);
            foreach (var kpi in task.Kpis.Where(k => k.Kind == KpiKind.Percentage))
                task.RecordKpiReading(kpi.Id, new DateOnly(2041, 5, 31), 80, null, null, null, null, "测试台账", "测试", at);
        }
        await db.SaveChangesAsync(Ct);
        foreach (var (task, update) in updates.Where((_, i) => i % 3 != 1)) task.AcceptUpdate(update.Id, "政策法规办", at.AddDays(31));
        foreach (var (task, update) in updates.Where((_, i) => i % 3 == 1)) task.ReturnUpdate(update.Id, "请补充材料", "政策法规办", at.AddDays(31));
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Plans;

public sealed class OverviewTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<int> PlanIdAsync(string titleStart)
    {
        await using var db = app.CreateDb();
        return await db.Plans.Where(p => p.Title.StartsWith(titleStart)).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_home_page_of_a_viewer_is_the_dashboard()
    {
        var response = await (await app.SignInAsAsync("viewer")).GetAsync("/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/dashboard");
    }

    [Fact]
    public async Task The_overview_shows_the_nine_areas_and_26_tasks_with_their_targets()
    {
        var response = await (await app.SignInAsAsync("viewer")).GetAsync($"/plans/{await PlanIdAsync(DatabaseSetup.BureauName)}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();

        page.QuerySelector("h1")!.TextContent.ShouldBe("日喀则市城市管理和综合执法局2023年法治政府建设工作计划");
        page.QuerySelector("[data-testid=plan-status]")!.TextContent.ShouldBe("执行中");
        var areas = page.QuerySelectorAll("[data-testid=area]");
        areas.Length.ShouldBe(9);
        areas.Select(a => a.QuerySelectorAll("[data-testid=task]").Length).ShouldBe([1, 1, 1, 4, 5, 5, 3, 3, 3]);
        areas[3].QuerySelector("h3")!.TextContent.ShouldBe("（四）完善城市管理依法行政工作机制");
        areas[3].QuerySelector("[data-testid=task] h4")!.TextContent.ShouldBe("加强城市管理领域立法工作");

        var kpis = page.QuerySelectorAll("[data-testid=kpi]").Select(k => Squash(k.TextContent)).ToList();
        kpis.ShouldContain(k => k.Contains("城市管理行政执法社会满意度") && k.Contains("≥ 90%"));
        kpis.ShouldContain(k => k.Contains("法制审核人员") && k.Contains("≥ 5%"));
        kpis.ShouldContain(k => k.Contains("满意率") && k.Contains("≥ 95%"));
        kpis.ShouldContain(k => k.Contains("办复率") && k.Contains("= 100%"));
        kpis.ShouldContain(k => k.Contains("行政诉讼案件数") && k.Contains("比上年下降"));
        page.QuerySelectorAll("[data-testid=deliverable]").Select(d => Squash(d.TextContent))
            .ShouldBe(["成果：修改《日喀则市市容和环境卫生管理条例》", "成果：修改《日喀则市城市管理条例》", "成果：起草出台《日喀则市建筑垃圾管理办法》"]);
    }

    [Fact]
    public async Task An_unknown_plan_is_a_chinese_404_page()
    {
        var response = await (await app.SignInAsAsync("viewer")).GetAsync("/plans/999999", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("找不到该页面");
    }

    [Fact]
    public async Task The_overview_sends_the_same_number_of_queries_for_a_plan_ten_times_larger()
    {
        var ct = TestContext.Current.CancellationToken;
        var parsed = PlanDocumentParser.Parse(await File.ReadAllBytesAsync(DatabaseSetup.ShippedPlanPath, ct));
        int bigPlanId;
        await using (var db = app.CreateDb())
        {
            var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(ct);
            var big = parsed with { Title = "十倍计划", Areas = [.. Enumerable.Repeat(parsed.Areas, 10).SelectMany(a => a)] };
            var plan = big.ToDraftPlan(organizationId, 2024);
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);
            bigPlanId = plan.Id;
        }

        var client = (await app.SignInAsAsync("viewer"));
        app.Sql.Reset();
        (await client.GetAsync($"/plans/{await PlanIdAsync(DatabaseSetup.BureauName)}", ct)).EnsureSuccessStatusCode();
        var small = app.Sql.Count;
        small.ShouldBeLessThanOrEqualTo(11, "the session, plan, areas, tasks, supports, KPIs, deliverables, requirements, lights, section names, the bell's unread count");
        app.Sql.Reset();
        var response = await client.GetAsync($"/plans/{bigPlanId}", ct);
        response.EnsureSuccessStatusCode();
        (await response.HtmlAsync()).QuerySelectorAll("[data-testid=task]").Length.ShouldBe(260);

        app.Sql.Count.ShouldBe(small);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await app.CreateClient().GetAsync($"/plans/{await PlanIdAsync(DatabaseSetup.BureauName)}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task Health_check_reports_the_database()
    {
        var response = await app.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using System.Globalization;
using System.Net;
using AngleSharp.Dom;

namespace RuleOfLawPlan.Web.Tests.Dashboard;

/// <summary>
/// 领导小组驾驶舱 on a plan of the test's own (the task list's five tasks, seen as of 10 June 2031): A green, B red, C
/// yellow, D done, E blue. Every number that links to the task list is checked against the list it opens.
/// </summary>
public sealed class DashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private const string AsOf = "2031-06-10";

    private async Task<(int PlanId, IReadOnlyDictionary<string, int> Tasks)> FivePlanAsync() =>
        await app.NewSupervisedPlanAsync(2031, D(2031, 1, 1),
            new TaskSpec("A", "综合执法科", ["市容环境卫生管理科"], D(2031, 12, 31), 60, D(2031, 6, 1), "分管副局长甲", Area: 1),
            new TaskSpec("B", "政策法规办", ["综合执法科"], D(2031, 6, 1), 50, D(2031, 6, 1), "分管副局长乙", Area: 1, Returned: true),
            new TaskSpec("C", "市政设施管理科", null, D(2031, 12, 31), Leader: "分管副局长甲", Area: 2, OpenInstruction: true),
            new TaskSpec("D", "综合执法科", null, null, 100, D(2031, 5, 30), Area: 2),
            new TaskSpec("E", "政策法规办", null, D(2031, 6, 15), 99, D(2031, 6, 5), "分管副局长乙", Area: 2));

    private async Task<IDocument> GetAsync(string url, string user = "leader")
    {
        var response = await (await app.UserAsync(user)).GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.HtmlAsync();
    }

    private static readonly string[] Columns = ["led", "supported", "done", "behind", "overdue", "days", "returned"];

    private static int Number(IElement element) => int.Parse(element.TextContent.Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_dashboard_counts_the_lights_the_areas_and_each_sections_record()
    {
        var (planId, tasks) = await FivePlanAsync();
        var enforcement = await app.SectionIdAsync("综合执法科");
        var legal = await app.SectionIdAsync("政策法规办");

        var page = await GetAsync($"/dashboard?plan={planId}&asOf={AsOf}");

        page.QuerySelectorAll("[data-testid=light-count]")
            .ToDictionary(a => a.GetAttribute("data-light")!, a => Number(a.QuerySelector("[data-testid=count]")!))
            .ShouldBe(new Dictionary<string, int> { ["Red"] = 1, ["Yellow"] = 1, ["Blue"] = 1, ["Green"] = 1, ["Done"] = 1 });
        Number(page.QuerySelector("[data-testid=task-count]")!).ShouldBe(5);
        page.QuerySelector("[data-testid=overall-percent]")!.TextContent.Trim().ShouldBe("62%", "(60 + 50 + 0 + 100 + 99) / 5");
        page.QuerySelectorAll("[data-testid=area-row]").Select(r => (Number(r.QuerySelector("[data-testid=area-tasks]")!),
            Number(r.QuerySelector("[data-testid=area-done]")!))).ShouldBe([(2, 0), (3, 1)]);
        page.QuerySelectorAll("[data-testid=off-track-row]").Select(r => int.Parse(r.GetAttribute("data-task-id")!, CultureInfo.InvariantCulture))
            .ShouldBe([tasks["B"], tasks["C"]], "red first, then yellow");

        int[] Row(int section)
        {
            var row = page.QuerySelector($"[data-testid=section-row][data-section-id='{section}']")!;
            return [.. Columns.Select(name => Number(row.QuerySelector($"[data-testid=section-{name}]")!))];
        }
        Row(enforcement).ShouldBe([2, 1, 1, 0, 0, 9, 0], "leads A and D (done), supports B, last accepted 1 June");
        Row(legal).ShouldBe([2, 0, 0, 0, 1, 5, 1], "leads B (overdue, one update returned) and E, last accepted 5 June");

        page.QuerySelector("[data-testid=open-instruction-count]")!.TextContent.Trim().ShouldBe("1");
        page.QuerySelectorAll("[data-testid=open-instruction] a").Single().GetAttribute("href").ShouldBe($"/tasks/{tasks["C"]}?asOf={AsOf}");
        page.QuerySelectorAll("[data-testid=recent-update]").Length.ShouldBe(4, "A, B, D and E have an accepted update");
        page.QuerySelectorAll("[data-testid=report-deadline]").Select(d => d.TextContent.Split().Where(w => w.Length > 0).ToList())
            .Select(words => string.Concat(words)).ShouldBe([
                "报送年度法治政府建设情况报告：2032年3月1日剩265天",
                "向社会公开年度报告：2032年4月1日剩296天",
            ]);
    }

    [Fact]
    public async Task Every_number_links_to_the_task_list_with_exactly_that_many_tasks()
    {
        var (planId, _) = await FivePlanAsync();

        var page = await GetAsync($"/dashboard?plan={planId}&asOf={AsOf}");

        var links = page.QuerySelectorAll("main a[href^='/tasks?']")
            .Where(a => int.TryParse((a.QuerySelector("[data-testid=count]") ?? a).TextContent.Trim(), out _)).ToList();
        links.Count.ShouldBeGreaterThan(20);
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            href.ShouldContain($"plan={planId}");
            href.ShouldContain($"asOf={AsOf}");
            var list = await GetAsync(href);
            list.QuerySelectorAll("[data-testid=task-row]").Length
                .ShouldBe(Number(link.QuerySelector("[data-testid=count]") ?? link), href);
        }
    }

    [Fact]
    public async Task The_task_list_narrows_a_section_to_the_tasks_it_leads_or_supports()
    {
        var (planId, tasks) = await FivePlanAsync();
        var enforcement = await app.SectionIdAsync("综合执法科");

        async Task<int[]> Ids(string role) => [.. (await GetAsync($"/tasks?plan={planId}&asOf={AsOf}&section={enforcement}{role}", "office"))
            .QuerySelectorAll("[data-testid=task-row]").Select(r => int.Parse(r.GetAttribute("data-task-id")!, CultureInfo.InvariantCulture))];

        (await Ids("")).ShouldBe([tasks["A"], tasks["B"], tasks["D"]]);
        (await Ids("&role=Lead")).ShouldBe([tasks["A"], tasks["D"]]);
        (await Ids("&role=Support")).ShouldBe([tasks["B"]]);
    }

    [Fact]
    public async Task A_section_head_may_not_open_the_dashboard_and_an_unknown_plan_is_not_found()
    {
        (await (await app.UserAsync("section")).GetAsync("/dashboard", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.UserAsync("viewer")).GetAsync("/dashboard?plan=999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await GetAsync("/dashboard?asOf=1900-01-01", "viewer");
        refused.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("2000年1月1日");
    }
}

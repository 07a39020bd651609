using System.Net;
using AngleSharp.Dom;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>
/// 任务清单 on a plan of the test's own, issued 1 January 2031, seen as of 10 June 2031 (the last closed reporting period
/// is May's, 26 April – 25 May): A green, B red (overdue), C yellow (nothing reported), D done (常态化, 100 % accepted),
/// E blue (five days left, on the line).
/// </summary>
public sealed class TaskListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private const string AsOf = "2031-06-10";

    private async Task<(int PlanId, IReadOnlyDictionary<string, int> Tasks)> FivePlanAsync() =>
        await app.NewSupervisedPlanAsync(2031, D(2031, 1, 1),
            new TaskSpec("A", "综合执法科", ["市容环境卫生管理科"], D(2031, 12, 31), 60, D(2031, 6, 1), "分管副局长甲", Area: 1),
            new TaskSpec("B", "政策法规办", ["综合执法科"], D(2031, 6, 1), 50, D(2031, 6, 1), "分管副局长乙", Area: 1),
            new TaskSpec("C", "市政设施管理科", null, D(2031, 12, 31), Leader: "分管副局长甲", Area: 2),
            new TaskSpec("D", "综合执法科", null, null, 100, D(2031, 5, 30), Area: 2),
            new TaskSpec("E", "政策法规办", null, D(2031, 6, 15), 99, D(2031, 6, 5), "分管副局长乙", Area: 2));

    private async Task<IDocument> ListAsync(string query, string user = "office")
    {
        var response = await (await app.UserAsync(user)).GetAsync("/tasks?" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, query);
        return await response.HtmlAsync();
    }

    private static List<(int Id, string Light)> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=task-row]").Select(r => (
            int.Parse(r.GetAttribute("data-task-id")!, System.Globalization.CultureInfo.InvariantCulture),
            r.QuerySelector("[data-testid=light]")!.GetAttribute("data-light")!))];

    [Fact]
    public async Task Each_filter_returns_exactly_the_matching_tasks()
    {
        var (planId, tasks) = await FivePlanAsync();
        var enforcement = await app.SectionIdAsync("综合执法科");
        string[] Titles(params string[] titles) => titles;
        var cases = new (string Query, string[] Expected)[]
        {
            ("", Titles("A", "B", "C", "D", "E")),
            ("area=1", Titles("A", "B")),
            ($"section={enforcement}", Titles("A", "B", "D")),
            ("light=Red", Titles("B")),
            ("light=Yellow", Titles("C")),
            ("light=Blue", Titles("E")),
            ("light=Green", Titles("A")),
            ("light=Done", Titles("D")),
            ("status=NotStarted", Titles("C")),
            ("status=Completed", Titles("D")),
            ("status=InProgress", Titles("A", "B", "E")),
            ("leader=" + Uri.EscapeDataString("分管副局长甲"), Titles("A", "C")),
            ("area=2&leader=" + Uri.EscapeDataString("分管副局长乙"), Titles("E")),
            ($"section={enforcement}&light=Green", Titles("A")),
        };

        foreach (var (query, expected) in cases)
        {
            var page = await ListAsync($"plan={planId}&asOf={AsOf}&{query}");
            Rows(page).Select(r => r.Id).ShouldBe(expected.Select(t => tasks[t]), query);
        }
    }

    [Fact]
    public async Task The_counts_per_light_follow_the_other_filters_and_link_to_exactly_those_tasks()
    {
        var (planId, tasks) = await FivePlanAsync();
        var enforcement = await app.SectionIdAsync("综合执法科");

        var page = await ListAsync($"plan={planId}&asOf={AsOf}&section={enforcement}");

        var counts = page.QuerySelectorAll("[data-testid=light-count]")
            .ToDictionary(a => a.GetAttribute("data-light")!, a => a.QuerySelector("[data-testid=count]")!.TextContent.Trim());
        counts.ShouldBe(new Dictionary<string, string>
        {
            ["All"] = "3", ["Red"] = "1", ["Yellow"] = "0", ["Blue"] = "0", ["Green"] = "1", ["Done"] = "1",
        });
        var red = page.QuerySelector("[data-testid=light-count][data-light=Red]")!.GetAttribute("href")!;
        red.ShouldStartWith("/tasks?");
        var linked = await (await app.UserAsync("office")).GetAsync(red, Ct);
        Rows(await linked.HtmlAsync()).ShouldBe([(tasks["B"], "Red")]);
    }

    [Fact]
    public async Task The_as_of_day_changes_the_light_on_the_list_the_task_page_and_the_overview()
    {
        var (planId, tasks) = await FivePlanAsync();

        Rows(await ListAsync($"plan={planId}&asOf=2031-06-01")).Single(r => r.Id == tasks["B"]).Light.ShouldBe("Yellow");
        Rows(await ListAsync($"plan={planId}&asOf=2031-06-02")).Single(r => r.Id == tasks["B"]).Light.ShouldBe("Red");

        var viewer = await app.UserAsync("viewer");
        async Task<string> TaskPageLight(string asOf) =>
            (await (await viewer.GetAsync($"/tasks/{tasks["E"]}?asOf={asOf}", Ct)).HtmlAsync()).QuerySelector("[data-testid=light]")!.GetAttribute("data-light")!;
        (await TaskPageLight("2031-06-07")).ShouldBe("Green");
        (await TaskPageLight("2031-06-08")).ShouldBe("Blue");

        var overview = await (await viewer.GetAsync($"/plans/{planId}?asOf=2031-06-02", Ct)).HtmlAsync();
        overview.QuerySelector($"#task-{tasks["B"]} [data-testid=light]")!.GetAttribute("data-light").ShouldBe("Red");
        overview.QuerySelector($"#task-{tasks["B"]} [data-testid=light]")!.TextContent.ShouldContain("红灯");
    }

    [Fact]
    public async Task A_plan_whose_year_has_ended_is_shown_as_of_its_last_day()
    {
        // 90 % on the deadline day is behind the line (yellow); a day later, or today, it would be overdue (red).
        var (planId, tasks) = await app.NewSupervisedPlanAsync(2022, D(2022, 1, 1),
            new TaskSpec("年末到期", Deadline: D(2022, 12, 31), AcceptedPercent: 90, AcceptedOn: D(2022, 12, 20)));
        var id = tasks["年末到期"];

        var list = await ListAsync($"plan={planId}");
        Rows(list).ShouldBe([(id, "Yellow")]);
        list.QuerySelector("#filter-as-of")!.GetAttribute("value").ShouldBe("2022-12-31");

        var taskPage = await (await (await app.UserAsync("viewer")).GetAsync($"/tasks/{id}", Ct)).HtmlAsync();
        taskPage.QuerySelector("[data-testid=light]")!.GetAttribute("data-light").ShouldBe("Yellow");
        taskPage.QuerySelector("[data-testid=as-of]")!.GetAttribute("value").ShouldBe("2022-12-31");
        var overview = await (await (await app.UserAsync("viewer")).GetAsync($"/plans/{planId}", Ct)).HtmlAsync();
        overview.QuerySelector($"#task-{id} [data-testid=light]")!.GetAttribute("data-light").ShouldBe("Yellow");

        Rows(await ListAsync($"plan={planId}&asOf=2023-01-01")).ShouldBe([(id, "Red")]);
    }

    [Theory]
    [InlineData("light=Purple")]
    [InlineData("status=9")]
    [InlineData("asOf=2023-02-30")]
    [InlineData("area=abc")]
    public async Task A_filter_value_that_is_none_is_a_400_with_a_chinese_message(string query)
    {
        var response = await (await app.UserAsync("office")).GetAsync("/tasks?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("无法识别");
    }

    [Fact]
    public async Task An_as_of_day_outside_the_calendar_is_refused_and_today_is_shown()
    {
        var response = await (await app.UserAsync("office")).GetAsync("/tasks?asOf=0001-01-01", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("截至日期须在2000年1月1日至2100年12月31日之间");
        var taskPage = await (await app.UserAsync("viewer")).GetAsync($"/tasks/{await app.TaskIdAsync(6, 1)}?asOf=9999-12-31", Ct);
        taskPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await taskPage.HtmlAsync()).QuerySelector("[data-testid=as-of-error]")!.TextContent.ShouldContain("截至日期须在");
    }

    [Fact]
    public async Task An_unknown_plan_is_404()
    {
        (await (await app.UserAsync("office")).GetAsync("/tasks?plan=999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

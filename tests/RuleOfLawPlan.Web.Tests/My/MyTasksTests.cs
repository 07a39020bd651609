using System.Net;

namespace RuleOfLawPlan.Web.Tests.My;

public sealed class MyTasksTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task A_section_head_lands_on_my_tasks_and_the_others_on_the_dashboard()
    {
        var response = await (await app.UserAsync("section")).GetAsync("/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/my");
        (await (await app.UserAsync("office")).GetAsync("/", Ct)).Headers.Location!.OriginalString.ShouldBe("/dashboard");
    }

    [Fact]
    public async Task Returned_updates_and_open_instructions_come_first_then_red_yellow_blue_green_and_done()
    {
        // As of 10 June 2032 in a plan issued on 1 January: the last closed reporting period is May's (26 April – 25 May).
        var (_, tasks) = await app.NewSupervisedPlanAsync(2032, D(2032, 1, 1),
            new TaskSpec("绿", Deadline: D(2032, 12, 31), AcceptedPercent: 60, AcceptedOn: D(2032, 6, 1)),
            new TaskSpec("办结", AcceptedPercent: 100, AcceptedOn: D(2032, 5, 30)),
            new TaskSpec("蓝", Deadline: D(2032, 6, 15), AcceptedPercent: 99, AcceptedOn: D(2032, 6, 5)),
            new TaskSpec("黄", "政策法规办", ["综合执法科"], D(2032, 12, 31)),
            new TaskSpec("红", Deadline: D(2032, 6, 1), AcceptedPercent: 50, AcceptedOn: D(2032, 6, 1)),
            new TaskSpec("有批示", Deadline: D(2032, 12, 31), AcceptedPercent: 60, AcceptedOn: D(2032, 6, 1), OpenInstruction: true),
            new TaskSpec("被退回", Deadline: D(2032, 12, 31), AcceptedPercent: 60, AcceptedOn: D(2032, 6, 1), Returned: true),
            new TaskSpec("别的科室", "市政设施管理科", Deadline: D(2032, 6, 1)));

        var response = await (await app.UserAsync("section")).GetAsync("/my?asOf=2032-06-10", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();

        var rows = page.QuerySelectorAll("[data-testid=my-task]");
        var byId = tasks.ToDictionary(t => t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), t => t.Key);
        rows.Select(r => byId[r.GetAttribute("data-task-id")!]).ShouldBe(["被退回", "有批示", "红", "黄", "蓝", "绿", "办结"]);
        rows.Select(r => r.GetAttribute("data-light")).ShouldBe(["Green", "Green", "Red", "Yellow", "Blue", "Green", "Done"]);
        rows[0].QuerySelector("[data-testid=returned]").ShouldNotBeNull();
        rows[0].QuerySelector("[data-testid=last-update]")!.TextContent.ShouldContain("已退回");
        rows[0].QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldBe("2032年6月25日前", "a returned report is still due");
        rows[1].QuerySelector("[data-testid=open-instructions]")!.TextContent.ShouldContain("批示待办理 1 条");
        rows[3].QuerySelector("[data-testid=last-update]")!.TextContent.ShouldContain("尚未填报");
        page.QuerySelector("[data-testid=due-next]")!.TextContent.ShouldContain("2032年6月25日");
        rows[3].QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldBe("2032年6月25日前");
        rows[4].QuerySelector("[data-testid=due]")!.TextContent.Trim().ShouldBe("本期已填报");
    }

    [Fact]
    public async Task Only_section_heads_have_my_tasks()
    {
        (await (await app.UserAsync("office")).GetAsync("/my", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.UserAsync("section")).GetAsync("/tasks", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>审核: the office's queue, 采纳 and 退回, corrections (更正), and what the task page shows of them.</summary>
public sealed class ReviewTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_queue_lists_pending_updates_oldest_first_with_the_tasks_numbered_title()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var older = await app.ReportAsync("section", taskId, 20, "队列中较早的填报");
        var newer = await app.ReportAsync("section2", taskId, 50, "队列中较晚的填报");

        var page = await (await (await app.UserAsync("office")).GetAsync("/review", Ct)).HtmlAsync();

        var rows = page.QuerySelectorAll("[data-testid=pending-update]").Select(r => r.Id).ToList();
        rows.IndexOf($"update-{older}").ShouldBeLessThan(rows.IndexOf($"update-{newer}"));
        rows.IndexOf($"update-{older}").ShouldBeGreaterThanOrEqualTo(0);
        var row = page.GetElementById($"update-{newer}")!;
        row.TextContent.ShouldContain("（一）1. 测试任务");
        row.QuerySelector("[data-testid=pending-section]")!.TextContent.ShouldBe("市容环境卫生管理科");
        row.QuerySelector("[data-testid=pending-percent]")!.TextContent.ShouldBe("50%");
        row.TextContent.ShouldContain("市容环境卫生管理科科长");
    }

    [Fact]
    public async Task The_accepted_figure_not_a_pending_one_drives_the_task_and_the_history_says_who_accepted()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var first = await app.ReportAsync("section", taskId, 40, "完成一半调研");

        var accepted = await app.ReviewAsync("Accept", first);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var task = await app.TaskAsync(taskId);
        (task.PercentComplete, task.Status).ShouldBe((40, PlanTaskStatus.InProgress));
        var update = await app.UpdateAsync(first);
        update.Review.ShouldBe(ReviewState.Accepted);
        update.ReviewedBy.ShouldBe("政策法规办干部");

        await app.ReportAsync("section", taskId, 60, "尚未审核的填报");
        await app.ReportAsync("section2", taskId, 90, "配合科室的填报");
        (await app.TaskAsync(taskId)).PercentComplete.ShouldBe(40);

        var page = await (await (await app.UserAsync("viewer")).GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=task-percent]")!.TextContent.ShouldBe("40%");
        page.QuerySelector("[data-testid=task-pending]")!.TextContent.ShouldBe("待审核");
        var sections = page.QuerySelectorAll("[data-testid=section-progress-row]");
        sections.Length.ShouldBe(2);
        sections[0].TextContent.ShouldContain("综合执法科");
        sections[0].QuerySelector("[data-testid=section-percent]")!.TextContent.ShouldBe("40%");
        sections[0].QuerySelector("[data-testid=section-pending]").ShouldNotBeNull();
        sections[1].QuerySelector("[data-testid=section-percent]")!.TextContent.ShouldBe("—");

        await using var db = app.CreateDb();
        var set = await db.AuditEntries.Where(e => e.PlanTaskId == taskId && e.EntityKey == first.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Action == AuditAction.Update).Select(e => e.ChangeSetId).SingleAsync(Ct);
        var entries = await db.AuditEntries.Where(e => e.ChangeSetId == set).ToListAsync(Ct);
        JsonDocument.Parse(entries.Single(e => e.EntityType == nameof(PlanTask)).After!).RootElement.GetProperty("PercentComplete").GetInt32().ShouldBe(40);
        entries.Single(e => e.EntityType == nameof(ProgressUpdate)).After!.ShouldContain("Accepted");
        var history = page.QuerySelectorAll("[data-testid=history-entry]").Select(h => h.TextContent).ToList();
        history.ShouldContain(h => h.Contains("已采纳") && h.Contains("政策法规办干部") && h.Contains("审核状态"));
    }

    [Fact]
    public async Task Completion_needs_an_accepted_100_percent_update()
    {
        var taskId = await app.NewTaskAsync();
        var done = await app.ReportAsync("section", taskId, 100, "全部完成");

        (await app.TaskAsync(taskId)).Status.ShouldBe(PlanTaskStatus.NotStarted);
        (await app.ReviewAsync("Accept", done)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var task = await app.TaskAsync(taskId);
        (task.PercentComplete, task.Status).ShouldBe((100, PlanTaskStatus.Completed));
    }

    [Fact]
    public async Task Returning_needs_a_comment_in_chinese_and_without_one_nothing_changes()
    {
        var taskId = await app.NewTaskAsync();
        var id = await app.ReportAsync("section", taskId, 30, "待退回的填报");
        var version = await app.TaskVersionAsync(taskId);
        var audits = await app.AuditCountAsync();

        var response = await app.ReviewAsync("Return", id, comment: "  ");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("请填写退回意见");
        (await app.UpdateAsync(id)).Review.ShouldBe(ReviewState.Pending);
        (await app.TaskVersionAsync(taskId)).ShouldBe(version);
        (await app.AuditCountAsync()).ShouldBe(audits);
    }

    [Fact]
    public async Task A_returned_update_shows_its_comment_on_the_task_and_a_correction_supersedes_it_keeping_both()
    {
        var taskId = await app.NewTaskAsync();
        var original = await app.ReportAsync("section", taskId, 80, "数字有误的填报");
        (await app.ReviewAsync("Return", original, comment: "进度偏高，请核实后更正")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var section = await app.UserAsync("section");

        var taskPage = await (await section.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        taskPage.QuerySelector("[data-testid=ledger-return-comment]")!.TextContent.ShouldContain("进度偏高，请核实后更正");
        taskPage.QuerySelector("[data-testid=section-returned]").ShouldNotBeNull();
        taskPage.QuerySelector("[data-testid=correct]")!.GetAttribute("href").ShouldBe($"/tasks/{taskId}/progress?corrects={original}");
        var form = await (await section.GetAsync($"/tasks/{taskId}/progress?corrects={original}", Ct)).HtmlAsync();
        form.QuerySelector("textarea[name='Form.Summary']")!.TextContent.Trim().ShouldBe("数字有误的填报");
        form.QuerySelector("input[name='Form.Percent']")!.GetAttribute("value").ShouldBe("80");
        form.QuerySelector("[data-testid=corrected-update]")!.TextContent.ShouldContain("进度偏高，请核实后更正");

        var correction = await app.ReportAsync("section", taskId, 50, "核实后更正为一半", supersedes: original);

        var kept = await app.UpdateAsync(original);
        (kept.Percent, kept.Summary, kept.Review, kept.IsSuperseded).ShouldBe((80, "数字有误的填报", ReviewState.Returned, true));
        (await app.UpdateAsync(correction)).SupersedesId.ShouldBe(original);
        taskPage = await (await section.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        taskPage.QuerySelectorAll("[data-testid=ledger-row]").Length.ShouldBe(2);
        taskPage.GetElementById($"update-{original}")!.QuerySelector("[data-testid=ledger-superseded]").ShouldNotBeNull();
        taskPage.GetElementById($"update-{correction}")!.QuerySelector("[data-testid=ledger-corrects]").ShouldNotBeNull();
        // Only the newest of the chain is offered for correction; the history names the update corrected.
        taskPage.QuerySelectorAll("[data-testid=correct]").Select(a => a.GetAttribute("href"))
            .ShouldBe([$"/tasks/{taskId}/progress?corrects={correction}"]);
        taskPage.QuerySelectorAll("[data-testid=history-entry]")[0].TextContent.ShouldContain("综合执法科 2023年6月1日 80%");
    }

    [Fact]
    public async Task Correcting_an_already_corrected_update_is_refused_in_chinese_and_records_nothing()
    {
        var taskId = await app.NewTaskAsync();
        var original = await app.ReportAsync("section", taskId, 20, "原填报");
        await app.ReportAsync("section", taskId, 25, "第一次更正", supersedes: original);

        var response = await (await app.UserAsync("section")).PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(30, "对旧填报再更正", supersedes: original));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("该条进展已被更正，请在最新的一条上更正");
        (await app.UpdateCountAsync(taskId)).ShouldBe(2);
    }

    [Fact]
    public async Task Another_sections_update_cannot_be_corrected()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var leads = await app.ReportAsync("section", taskId, 20, "牵头科室的填报");

        var section2 = await app.UserAsync("section2");
        (await section2.GetAsync($"/tasks/{taskId}/progress?corrects={leads}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await section2.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(30, "替他人更正", supersedes: leads))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.UpdateCountAsync(taskId)).ShouldBe(1);
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("Return")]
    public async Task Reviewing_an_already_reviewed_update_gets_a_chinese_message_and_changes_nothing(string again)
    {
        var taskId = await app.NewTaskAsync();
        var id = await app.ReportAsync("section", taskId, 30, "已审核的填报");
        (await app.ReviewAsync("Accept", id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await app.UpdateAsync(id);
        var version = await app.TaskVersionAsync(taskId);

        var response = await app.ReviewAsync(again, id, comment: "再次审核");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("该条进展已审核，不能重复审核");
        var after = await app.UpdateAsync(id);
        (after.Review, after.ReviewComment, after.ReviewedAt).ShouldBe((before.Review, before.ReviewComment, before.ReviewedAt));
        (await app.TaskVersionAsync(taskId)).ShouldBe(version);
    }

    [Fact]
    public async Task A_review_from_a_stale_queue_gets_the_conflict_message_and_changes_nothing()
    {
        var taskId = await app.NewTaskAsync();
        var id = await app.ReportAsync("section", taskId, 30, "先报的");
        var seen = await app.TaskVersionAsync(taskId);
        await app.ReportAsync("section", taskId, 35, "打开队列后又报的");

        var response = await app.ReviewAsync("Accept", id, version: seen);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("该任务已被他人修改");
        (await app.UpdateAsync(id)).Review.ShouldBe(ReviewState.Pending);
        (await app.TaskAsync(taskId)).PercentComplete.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_update_gets_a_chinese_message()
    {
        var response = await (await app.UserAsync("office")).PostFormAsync("/review?handler=Accept",
            new Dictionary<string, string> { ["Form.UpdateId"] = "987654321", ["Form.Version"] = "1" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("找不到该条进展");
    }

    [Theory]
    [InlineData("section")]
    [InlineData("leader")]
    [InlineData("viewer")]
    [InlineData("admin")]
    public async Task Only_the_office_reviews(string user)
    {
        var taskId = await app.NewTaskAsync();
        var id = await app.ReportAsync("section", taskId, 30, "他人不得审核");

        (await app.ReviewAsync("Accept", id, user: user)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.UpdateAsync(id)).Review.ShouldBe(ReviewState.Pending);
    }
}

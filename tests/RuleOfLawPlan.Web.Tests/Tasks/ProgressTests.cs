using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Tasks;

public sealed class ProgressTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lead_section_head_reports_progress_that_waits_for_review_and_moves_no_figure()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");

        var form = await client.GetAsync($"/tasks/{taskId}/progress", Ct);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var task = await app.TaskAsync(taskId);
        task.PercentComplete.ShouldBe(0);
        task.Status.ShouldBe(PlanTaskStatus.NotStarted);
        await using var db = app.CreateDb();
        var update = await db.ProgressUpdates.SingleAsync(u => u.PlanTaskId == taskId, Ct);
        update.Summary.ShouldBe("已完成执法满意度调查方案");
        update.RecordedBy.ShouldBe("综合执法科科长");
        update.Review.ShouldBe(ReviewState.Pending);

        var entries = await db.AuditEntries.Where(e => e.PlanTaskId == taskId && e.UserId != null).ToListAsync(Ct);
        var insert = entries.ShouldHaveSingleItem();
        insert.EntityType.ShouldBe(nameof(ProgressUpdate));
        insert.Action.ShouldBe(AuditAction.Insert);
        insert.EntityKey.ShouldBe(update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        insert.UserName.ShouldContain("综合执法科科长");
        insert.After!.ShouldContain("已完成执法满意度调查方案");

        var page = await (await client.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        page.QuerySelectorAll("[data-testid=ledger-row]").Length.ShouldBe(1);
        page.QuerySelector("[data-testid=ledger-review]")!.TextContent.ShouldContain("待审核");
        page.QuerySelector("[data-testid=task-percent]")!.TextContent.ShouldBe("0%");
        page.QuerySelector("[data-testid=task-pending]")!.TextContent.ShouldBe("待审核");
        page.QuerySelector("[data-testid=section-pending]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_form_opens_on_today_in_shanghai_and_the_sections_last_reported_percent()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        (await client.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(35))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await (await client.GetAsync($"/tasks/{taskId}/progress", Ct)).HtmlAsync();

        page.QuerySelector("input[name='Form.Percent']")!.GetAttribute("value").ShouldBe("35");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        // The page and this line read the clock at different instants: around midnight in Shanghai they may straddle it.
        page.QuerySelector("input[name='Form.AsOf']")!.GetAttribute("value").ShouldBeOneOf(
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_supporting_section_reports_its_own_progress_without_moving_the_task()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var before = await app.TaskAsync(taskId);
        var client = await app.UserAsync("section2");

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(70, "配合开展市容整治"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateCountAsync(taskId)).ShouldBe(1);
        (await app.TaskAsync(taskId)).PercentComplete.ShouldBe(before.PercentComplete);
    }

    [Fact]
    public async Task A_section_head_posting_to_another_sections_task_is_refused_and_nothing_changes()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section2");
        var before = await app.TaskAsync(taskId);
        var audits = await app.AuditCountAsync();

        (await client.GetAsync($"/tasks/{taskId}/progress", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var after = await app.TaskAsync(taskId);
        after.Version.ShouldBe(before.Version);
        after.PercentComplete.ShouldBe(before.PercentComplete);
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
        (await app.AuditCountAsync()).ShouldBe(audits);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("leader")]
    [InlineData("office")]
    public async Task Only_section_heads_may_report_progress(string user)
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync(user);

        (await client.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_nothing_changes()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        var audits = await app.AuditCountAsync();

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(), withAntiforgery: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
        (await app.AuditCountAsync()).ShouldBe(audits);
    }

    [Theory]
    [InlineData("150", "已完成", "完成进度须在0到100之间", HttpStatusCode.OK)]
    [InlineData("50", "", "请填写工作进展", HttpStatusCode.OK)]
    [InlineData("abc", "已完成", "不是有效的值", HttpStatusCode.BadRequest)]
    public async Task Invalid_input_gets_a_chinese_message_and_changes_nothing(string percent, string summary, string message, HttpStatusCode status)
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        var before = await app.TaskAsync(taskId);
        var fields = Reports.Form(0, summary);
        fields["Form.Percent"] = percent;

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", fields);

        // A value that is no number at all is a malformed request (400); one out of range, a refused form (200).
        response.StatusCode.ShouldBe(status);
        (await response.TextAsync()).ShouldContain(message);
        (await response.HtmlAsync()).QuerySelector("textarea[name='Form.Summary']").ShouldNotBeNull();
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
        (await app.TaskVersionAsync(taskId)).ShouldBe(before.Version);
    }

    [Theory]
    [InlineData("0001-01-01", "截至日期无效", "请填写截至日期", HttpStatusCode.OK)]
    [InlineData("2023-13-45", "不是有效的值", "请填写截至日期", HttpStatusCode.BadRequest)]
    [InlineData("", "请填写截至日期", "截至日期无效", HttpStatusCode.OK)]
    public async Task A_missing_date_and_an_impossible_one_are_told_apart(string asOf, string message, string notMessage, HttpStatusCode status)
    {
        var taskId = await app.TaskIdAsync(6, 5);
        var fields = Reports.Form();
        fields["Form.AsOf"] = asOf;

        var response = await (await app.UserAsync("section")).PostFormAsync($"/tasks/{taskId}/progress", fields);

        // A date that cannot be read at all is an unreadable value (400, form kept); a readable but refused one is a validation message.
        response.StatusCode.ShouldBe(status);
        var text = await response.TextAsync();
        text.ShouldContain(message);
        text.ShouldNotContain(notMessage);
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_from_a_form_opened_before_another_report_is_recorded_beside_it()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        var opened = Reports.Form(90, "打开表单后他人已填报");
        opened["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.CreateDb())
        {
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
            task.RecordProgress(task.LeadSectionId!.Value, new DateOnly(2023, 5, 1), 30, "他人先填报", "他人", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", opened);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var check = app.CreateDb();
        (await check.ProgressUpdates.Where(u => u.PlanTaskId == taskId).OrderBy(u => u.Id).Select(u => u.Summary).ToListAsync(Ct))
            .ShouldBe(["他人先填报", "打开表单后他人已填报"]);
    }

    [Fact]
    public async Task Two_section_heads_posting_at_the_same_moment_both_keep_their_updates()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var lead = await app.UserAsync("section");
        var support = await app.UserAsync("section2");
        await using var blocker = app.CreateDb();
        await using var tx = await blocker.Database.BeginTransactionAsync(Ct);
        // Holding the task's row makes both saves wait after both requests have read the task: whichever commits
        // second saves against a version that has moved, the race two section heads really run.
        await blocker.Database.ExecuteSqlAsync($"SELECT 1 FROM tasks WHERE id = {taskId} FOR UPDATE", Ct);

        var first = lead.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(40, "牵头科室同时填报"));
        var second = support.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(70, "配合科室同时填报"));
        await Reports.UntilWaitingOnLocksAsync(app, 2, first, second);
        await tx.CommitAsync(Ct);
        var responses = await Task.WhenAll(first, second);

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Redirect, string.Join(" | ", responses.Select(r => $"{r.StatusCode} {r.Headers.Location}")));
        await using var db = app.CreateDb();
        (await db.ProgressUpdates.Where(u => u.PlanTaskId == taskId).OrderBy(u => u.Summary).Select(u => u.Summary).ToListAsync(Ct))
            .ShouldBe(["牵头科室同时填报", "配合科室同时填报"], ignoreOrder: true);
    }
}

public sealed class ClosedPlanProgressTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_closed_plan_refuses_progress_with_its_chinese_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        await using (var db = app.CreateDb())
        {
            var planId = await db.Tasks.Where(t => t.Id == taskId).Select(t => t.WorkPlanId).SingleAsync(ct);
            var plan = await db.Plans.SingleAsync(p => p.Id == planId, ct);
            plan.Close();
            await db.SaveChangesAsync(ct);
        }

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", new Dictionary<string, string>
        {
            ["Form.Percent"] = "50",
            ["Form.AsOf"] = "2023-06-01",
            ["Form.Summary"] = "结束后填报",
            ["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("计划已结束，不能再修改");
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
    }
}

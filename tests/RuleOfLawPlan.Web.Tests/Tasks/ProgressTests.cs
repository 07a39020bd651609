using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Tasks;

public sealed class ProgressTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, string>> FormAsync(int taskId, int percent = 40, string summary = "已完成执法满意度调查方案")
        => new()
        {
            ["Form.Percent"] = percent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.AsOf"] = "2023-06-01",
            ["Form.Summary"] = summary,
            ["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    [Fact]
    public async Task A_lead_section_head_reports_progress_and_the_task_and_audit_trail_follow()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");

        var form = await client.GetAsync($"/tasks/{taskId}/progress", Ct);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", await FormAsync(taskId));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var task = await app.TaskAsync(taskId);
        task.PercentComplete.ShouldBe(40);
        task.Status.ShouldBe(PlanTaskStatus.InProgress);
        await using var db = app.CreateDb();
        var update = await db.ProgressUpdates.SingleAsync(u => u.PlanTaskId == taskId, Ct);
        update.Summary.ShouldBe("已完成执法满意度调查方案");
        update.RecordedBy.ShouldBe("综合执法科科长");

        var entries = await db.AuditEntries.Where(e => e.PlanTaskId == taskId && e.UserId != null).ToListAsync(Ct);
        var insert = entries.Where(e => e.EntityType == nameof(ProgressUpdate)).ShouldHaveSingleItem();
        insert.Action.ShouldBe(AuditAction.Insert);
        insert.EntityKey.ShouldBe(update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        insert.UserName.ShouldContain("综合执法科科长");
        insert.UserId.ShouldNotBeNull();
        insert.After!.ShouldContain("已完成执法满意度调查方案");
        var change = entries.Where(e => e.EntityType == nameof(PlanTask)).ShouldHaveSingleItem();
        change.Action.ShouldBe(AuditAction.Update);
        JsonDocument.Parse(change.Before!).RootElement.GetProperty("PercentComplete").GetInt32().ShouldBe(0);
        JsonDocument.Parse(change.After!).RootElement.GetProperty("PercentComplete").GetInt32().ShouldBe(40);
        JsonDocument.Parse(change.After!).RootElement.GetProperty("Status").GetString().ShouldBe("InProgress");

        var page = await (await client.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        page.QuerySelectorAll("[data-testid=ledger-row]").Length.ShouldBe(1);
        page.QuerySelector("[data-testid=task-percent]")!.TextContent.ShouldBe("40%");
        var history = page.QuerySelectorAll("[data-testid=history-entry]");
        // The report and the task's new figure are one save: one item of the history.
        history[0].TextContent.ShouldContain("综合执法科科长");
        history[0].TextContent.ShouldContain("0");
        history[0].TextContent.ShouldContain("40");
    }

    [Fact]
    public async Task A_supporting_section_reports_its_own_progress_without_moving_the_task()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var before = await app.TaskAsync(taskId);
        var client = await app.UserAsync("section2");

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", await FormAsync(taskId, 70, "配合开展市容整治"));

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
        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", await FormAsync(taskId));

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

        (await client.PostFormAsync($"/tasks/{taskId}/progress", await FormAsync(taskId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_nothing_changes()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        var audits = await app.AuditCountAsync();

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", await FormAsync(taskId), withAntiforgery: false);

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
        var fields = await FormAsync(taskId, 0, summary);
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
        var fields = await FormAsync(taskId);
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
    public async Task A_stale_form_shows_the_concurrency_message_and_overwrites_nothing()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        var stale = await FormAsync(taskId, 90, "过时的填报");
        await using (var db = app.CreateDb())
        {
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
            task.RecordProgressWithoutReview(task.LeadSectionId!.Value, new DateOnly(2023, 5, 1), 30, "他人先填报", "他人", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var response = await client.PostFormAsync($"/tasks/{taskId}/progress", stale);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("该任务已被他人修改");
        (await response.HtmlAsync()).QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain("30%");
        (await app.TaskAsync(taskId)).PercentComplete.ShouldBe(30);
        (await app.UpdateCountAsync(taskId)).ShouldBe(1);
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

using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Security;
using static RuleOfLawPlan.Web.Notifications.NotificationKind;
using static RuleOfLawPlan.Web.Tests.Notifications.ReminderArrange;

namespace RuleOfLawPlan.Web.Tests.Notifications;

/// <summary>催办: the office presses a task's sections; their heads are told with the note, and the task's history shows it.</summary>
public sealed class UrgeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_office_urges_a_task_and_the_heads_of_its_sections_get_the_note_and_the_history_shows_it()
    {
        var taskId = await app.NewTaskAsync(supporting: [Sanitation]);
        var section = await app.UserIdAsync("section");
        var section2 = await app.UserIdAsync("section2");
        var uninvolved = await app.UserAsync(Roles.SectionHead, "城管执法大队");
        var office = await app.UserAsync("office");

        var response = await office.PostFormAsync($"/tasks/{taskId}/urge", [new("Form.Note", "请于本周五前报送6月进展")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.NotificationsAsync(taskId)).ShouldBe(Sorted((taskId, Urged, section), (taskId, Urged, section2)));
        await using var db = app.CreateDb();
        (await db.Notifications.Where(n => n.PlanTaskId == taskId).Select(n => n.Text).Distinct().ToListAsync(Ct)).ShouldBe(["请于本周五前报送6月进展"]);
        (await db.Notifications.CountAsync(n => n.RecipientId == uninvolved, Ct)).ShouldBe(0);
        var urge = await db.TaskUrges.SingleAsync(u => u.PlanTaskId == taskId, Ct);
        urge.UrgedBy.ShouldBe("政策法规办干部");
        var entry = await db.AuditEntries.SingleAsync(e => e.PlanTaskId == taskId && e.EntityType == nameof(TaskUrge), Ct);
        entry.Action.ShouldBe(AuditAction.Insert);
        entry.UserName.ShouldContain("政策法规办干部");

        var urgePage = await (await office.GetAsync($"/tasks/{taskId}/urge", Ct)).HtmlAsync();
        urgePage.QuerySelector("[data-testid=status-message]")!.TextContent.ShouldBe("已催办，2位科室负责人将收到提醒");
        urgePage.QuerySelectorAll("[data-testid=urge]").Single().TextContent.ShouldContain("请于本周五前报送6月进展");
        var taskPage = await (await office.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        var history = taskPage.QuerySelectorAll("[data-testid=history-entry]")[0].TextContent;
        history.ShouldContain("催办");
        history.ShouldContain("请于本周五前报送6月进展");
    }

    [Fact]
    public async Task An_empty_note_is_refused_in_chinese_and_nothing_is_stored()
    {
        var taskId = await app.NewTaskAsync();
        var office = await app.UserAsync("office");
        var audit = await app.AuditCountAsync();

        var response = await office.PostFormAsync($"/tasks/{taskId}/urge", [new("Form.Note", "   ")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-valmsg-for='Form.Note']")!.TextContent.ShouldBe("请填写催办事项");
        await using var db = app.CreateDb();
        (await db.TaskUrges.CountAsync(u => u.PlanTaskId == taskId, Ct)).ShouldBe(0);
        (await app.NotificationsAsync(taskId)).ShouldBeEmpty();
        (await app.AuditCountAsync()).ShouldBe(audit);
    }
}

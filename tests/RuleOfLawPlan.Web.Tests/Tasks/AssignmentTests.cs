using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Tasks;

public sealed class AssignmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<KeyValuePair<string, string>>> FormAsync(int taskId, int lead, int[] supporting, string? deadline = "2023-12-31")
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.LeadSectionId", lead.ToString(CultureInfo.InvariantCulture)),
            new("Form.ResponsibleLeader", "局长"),
            new("Form.Deadline", deadline ?? ""),
            new("Form.Ongoing", deadline is null ? "true" : "false"),
            new("Form.ExpectedOutcome", "出台《日喀则市建筑垃圾管理办法》"),
            new("Form.Version", (await app.TaskVersionAsync(taskId)).ToString(CultureInfo.InvariantCulture)),
        ];
        fields.AddRange(supporting.Select(s => new KeyValuePair<string, string>("Form.SupportingSectionIds", s.ToString(CultureInfo.InvariantCulture))));
        return fields;
    }

    [Fact]
    public async Task The_office_assigns_a_task_and_the_change_is_stored_and_audited()
    {
        var taskId = await app.NewTaskAsync(supporting: ["智慧城管指挥中心"], responsibleLeader: "分管副局长");
        var policy = await app.SectionIdAsync("政策法规办");
        var sanitation = await app.SectionIdAsync("市容环境卫生管理科");
        var general = await app.SectionIdAsync("办公室");
        var client = await app.UserAsync("office");
        (await client.GetAsync($"/tasks/{taskId}/edit", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.PostFormAsync($"/tasks/{taskId}/edit", await FormAsync(taskId, policy, [sanitation, general]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var task = await app.TaskAsync(taskId);
        task.LeadSectionId.ShouldBe(policy);
        task.Supports.Select(s => s.SectionId).Order().ShouldBe(new[] { sanitation, general }.Order());
        task.ResponsibleLeader.ShouldBe("局长");
        task.Deadline.ShouldBe(new DateOnly(2023, 12, 31));
        await using var db = app.CreateDb();
        var entries = await db.AuditEntries.Where(e => e.PlanTaskId == taskId && e.UserId != null).ToListAsync(Ct);
        entries.Count(e => e.EntityType == nameof(TaskSupport) && e.Action == AuditAction.Insert).ShouldBe(2);
        entries.Count(e => e.EntityType == nameof(TaskSupport) && e.Action == AuditAction.Delete).ShouldBe(1);
        var update = entries.Where(e => e.EntityType == nameof(PlanTask)).ShouldHaveSingleItem();
        update.Before!.ShouldContain("分管副局长");
        update.After!.ShouldContain("局长");
        update.After!.ShouldContain("2023-12-31");
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("section")]
    [InlineData("leader")]
    [InlineData("admin")]
    public async Task Only_the_office_may_assign(string user)
    {
        var taskId = await app.NewTaskAsync();
        var before = await app.TaskVersionAsync(taskId);
        var client = await app.UserAsync(user);

        (await client.GetAsync($"/tasks/{taskId}/edit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostFormAsync($"/tasks/{taskId}/edit", await FormAsync(taskId, await app.SectionIdAsync("办公室"), []))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.TaskVersionAsync(taskId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_lead_section_that_also_supports_gets_a_chinese_message_and_nothing_changes()
    {
        var taskId = await app.NewTaskAsync();
        var policy = await app.SectionIdAsync("政策法规办");
        var before = await app.TaskVersionAsync(taskId);
        var client = await app.UserAsync("office");

        var response = await client.PostFormAsync($"/tasks/{taskId}/edit", await FormAsync(taskId, policy, [policy]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("牵头科室不能同时作为配合科室");
        (await app.TaskVersionAsync(taskId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_missing_deadline_and_an_unknown_section_are_refused_in_chinese()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("office");

        var noDeadline = await client.PostFormAsync($"/tasks/{taskId}/edit", await FormAsync(taskId, await app.SectionIdAsync("办公室"), [], deadline: ""));
        (await noDeadline.TextAsync()).ShouldContain("请填写完成时限，或选择常态化");
        var unknown = await client.PostFormAsync($"/tasks/{taskId}/edit", await FormAsync(taskId, 999_999, []));
        (await unknown.TextAsync()).ShouldContain("所选科室不存在或已停用");
    }

    [Fact]
    public async Task A_stale_assignment_form_shows_the_current_values_and_overwrites_nothing()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("office");
        var stale = await FormAsync(taskId, await app.SectionIdAsync("办公室"), []);
        await using (var db = app.CreateDb())
        {
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
            task.Assign(task.LeadSectionId, task.Supports.Select(s => s.SectionId), "他人改的领导", null, null);
            await db.SaveChangesAsync(Ct);
        }

        var response = await client.PostFormAsync($"/tasks/{taskId}/edit", stale);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("该任务已被他人修改");
        (await response.HtmlAsync()).QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain("他人改的领导");
        (await app.TaskAsync(taskId)).ResponsibleLeader.ShouldBe("他人改的领导");
    }
}

public sealed class InstructionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_leaders_instruction_is_stored_shown_and_audited()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("leader");
        (await (await client.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync()).QuerySelector("[data-testid=instruct-form]").ShouldNotBeNull();

        var response = await client.PostFormAsync($"/tasks/{taskId}/instruct", new Dictionary<string, string> { ["Form.Text"] = "请抓紧推进，月底前报送进展" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await client.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=instruction]")!.TextContent.ShouldContain("请抓紧推进，月底前报送进展");
        await using var db = app.CreateDb();
        var instruction = await db.Instructions.SingleAsync(i => i.PlanTaskId == taskId, Ct);
        instruction.Leader.ShouldBe("局领导（组长）");
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Instruction) && e.PlanTaskId == taskId, Ct);
        entry.Action.ShouldBe(AuditAction.Insert);
        entry.After!.ShouldContain("请抓紧推进");
    }

    [Fact]
    public async Task Empty_instructions_and_other_roles_are_refused()
    {
        var taskId = await app.NewTaskAsync();
        var empty = await (await app.UserAsync("leader")).PostFormAsync($"/tasks/{taskId}/instruct", new Dictionary<string, string> { ["Form.Text"] = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.TextAsync()).ShouldContain("请填写批示内容");

        var section = await (await app.UserAsync("section")).PostFormAsync($"/tasks/{taskId}/instruct", new Dictionary<string, string> { ["Form.Text"] = "越权批示" });
        section.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.CreateDb();
        (await db.Instructions.CountAsync(i => i.PlanTaskId == taskId, Ct)).ShouldBe(0);
    }
}

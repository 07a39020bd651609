using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>批示 answered: the lead section's 办理情况, the task page's 待办理 mark and the leader's own list.</summary>
public sealed class AnswerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> InstructAsync(int taskId, string text, string leader = "局领导（组长）")
    {
        await using var db = app.CreateDb();
        var task = await db.Tasks.Include(t => t.Plan).SingleAsync(t => t.Id == taskId, Ct);
        var instruction = task.AddInstruction(text, leader, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
        return instruction.Id;
    }

    private static Dictionary<string, string> Answer(long instructionId, string answer) => new()
    {
        ["Form.InstructionId"] = instructionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Answer"] = answer,
    };

    [Fact]
    public async Task The_lead_section_answers_an_open_instruction_and_the_leader_sees_it_answered()
    {
        var taskId = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var id = await InstructAsync(taskId, "请于月底前完成案卷评查");
        var section = await app.UserAsync("section");
        var leader = await app.UserAsync("leader");

        var before = await (await section.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        before.GetElementById($"instruction-{id}")!.QuerySelector("[data-testid=instruction-open]")!.TextContent.ShouldBe("待办理");
        before.QuerySelector("[data-testid=answer-instruction]")!.GetAttribute("href").ShouldBe($"/tasks/{taskId}/answer?instruction={id}");
        var mine = await (await leader.GetAsync("/instructions", Ct)).HtmlAsync();
        mine.QuerySelectorAll("[data-testid=my-instruction]").ShouldContain(li => li.TextContent.Contains("请于月底前完成案卷评查") && li.TextContent.Contains("待办理"));

        var form = await section.GetAsync($"/tasks/{taskId}/answer?instruction={id}", Ct);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await form.TextAsync()).ShouldContain("请于月底前完成案卷评查");
        var response = await section.PostFormAsync($"/tasks/{taskId}/answer", Answer(id, "已完成全部案卷评查，问题已整改"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        var stored = await db.Instructions.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        (stored.IsOpen, stored.Answer, stored.AnsweredBy).ShouldBe((false, "已完成全部案卷评查，问题已整改", "综合执法科科长"));
        var after = await (await section.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        after.GetElementById($"instruction-{id}")!.QuerySelector("[data-testid=instruction-open]").ShouldBeNull();
        after.QuerySelector("[data-testid=instruction-answer]")!.TextContent.ShouldContain("已完成全部案卷评查");
        after.QuerySelectorAll("[data-testid=history-entry]")[0].TextContent.ShouldContain("办理情况");
        mine = await (await leader.GetAsync("/instructions", Ct)).HtmlAsync();
        mine.QuerySelectorAll("[data-testid=my-instruction]").Single(li => li.TextContent.Contains("请于月底前完成案卷评查"))
            .TextContent.ShouldContain("已完成全部案卷评查，问题已整改");
    }

    [Fact]
    public async Task A_leader_sees_only_their_own_instructions_open_ones_first()
    {
        var taskId = await app.NewTaskAsync();
        var answered = await InstructAsync(taskId, "已办理的本人批示");
        await InstructAsync(taskId, "其他领导的批示", leader: "分管副局长");
        await using (var db = app.CreateDb())
        {
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Instructions).SingleAsync(t => t.Id == taskId, Ct);
            task.AnswerInstruction(answered, task.LeadSectionId!.Value, "已办理", "科长", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }
        await InstructAsync(taskId, "待办理的本人批示");

        var mine = await (await (await app.UserAsync("leader")).GetAsync("/instructions", Ct)).HtmlAsync();

        var texts = mine.QuerySelectorAll("[data-testid=my-instruction]").Select(li => li.TextContent).ToList();
        texts.ShouldNotContain(t => t.Contains("其他领导的批示"));
        texts.FindIndex(t => t.Contains("待办理的本人批示")).ShouldBeLessThan(texts.FindIndex(t => t.Contains("已办理的本人批示")));
        texts.FindIndex(t => t.Contains("待办理的本人批示")).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task A_supporting_or_other_section_cannot_answer_and_nothing_changes()
    {
        var supported = await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]);
        var other = await app.NewTaskAsync(lead: "市容环境卫生管理科");
        var onSupported = await InstructAsync(supported, "配合科室不能答复");
        var onOther = await InstructAsync(other, "他科室不能答复");

        var section2 = await app.UserAsync("section2");
        (await section2.GetAsync($"/tasks/{supported}/answer?instruction={onSupported}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await section2.PostFormAsync($"/tasks/{supported}/answer", Answer(onSupported, "越权答复"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.UserAsync("section")).PostFormAsync($"/tasks/{other}/answer", Answer(onOther, "越权答复"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = app.CreateDb();
        (await db.Instructions.Where(i => i.Id == onSupported || i.Id == onOther).AllAsync(i => i.AnsweredAt == null, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_empty_answer_and_a_second_answer_are_refused_in_chinese()
    {
        var taskId = await app.NewTaskAsync();
        var id = await InstructAsync(taskId, "请报送整改情况");
        var section = await app.UserAsync("section");

        var empty = await section.PostFormAsync($"/tasks/{taskId}/answer", Answer(id, " "));
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.TextAsync()).ShouldContain("请填写办理情况");

        (await section.PostFormAsync($"/tasks/{taskId}/answer", Answer(id, "第一次答复"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var twice = await section.PostFormAsync($"/tasks/{taskId}/answer", Answer(id, "第二次答复"));

        twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await twice.TextAsync()).ShouldContain("该批示已答复，不能重复答复");
        await using var db = app.CreateDb();
        (await db.Instructions.Where(i => i.Id == id).Select(i => i.Answer).SingleAsync(Ct)).ShouldBe("第一次答复");
    }
}

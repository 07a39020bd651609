using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Pages.Tasks;

namespace RuleOfLawPlan.Web.Tests.Forms;

/// <summary>The outcomes of the one way forms apply a change (Pages/Shared/TrySaveExtensions.cs), on the real database.</summary>
public sealed class TrySaveTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_another_section_took_meanwhile_is_a_duplicate_reported_on_the_named_field()
    {
        await using var db = app.CreateDb();
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        await using (var other = app.CreateDb())
        {
            other.Sections.Add(new Section(organizationId, "抢先命名科", SectionKind.Other, 9000));
            await other.SaveChangesAsync(Ct);
        }
        var modelState = new ModelStateDictionary();

        var result = await db.TrySaveAsync(() => db.Sections.Add(new Section(organizationId, "抢先命名科", SectionKind.Section, 9001)),
            modelState, Ct, new FieldMessage("Form.Name", "已有同名科室，请换一个名称"));

        result.ShouldBe(SaveResult.Duplicate);
        modelState["Form.Name"]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("已有同名科室，请换一个名称");
        db.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rule_that_refuses_halfway_leaves_its_message_and_nothing_half_applied()
    {
        var taskId = await app.TaskIdAsync(7, 1);
        var before = await app.TaskAsync(taskId);
        await using var db = app.CreateDb();
        var task = (await db.LoadForChangeAsync(taskId, Ct))!;
        var modelState = new ModelStateDictionary();

        // Assign sets the lead and the supports before it checks the leader's length.
        var result = await db.TrySaveAsync(task, task.Version, t => t.Assign(null, [], new string('长', 101), null, null), modelState, Ct);
        await db.SaveChangesAsync(Ct);

        result.ShouldBe(SaveResult.Refused);
        modelState[""]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("责任领导不能超过100个字");
        var after = await app.TaskAsync(taskId);
        (after.LeadSectionId, after.Supports.Count, after.Version).ShouldBe((before.LeadSectionId, before.Supports.Count, before.Version));
    }

    [Fact]
    public async Task A_conflict_says_so_and_the_form_then_carries_the_stored_version()
    {
        var taskId = await app.TaskIdAsync(9, 2);
        var opened = await app.TaskVersionAsync(taskId);
        await using (var other = app.CreateDb())
        {
            var same = (await other.LoadForChangeAsync(taskId, Ct))!;
            same.AddInstruction("他人先批示", "测试领导", DateTimeOffset.UtcNow);
            await other.SaveChangesAsync(Ct);
        }
        var stored = await app.TaskVersionAsync(taskId);
        await using var db = app.CreateDb();
        var task = (await db.LoadForChangeAsync(taskId, Ct))!;
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue(TrySaveExtensions.VersionField, "posted", opened.ToString(CultureInfo.InvariantCulture));

        var result = await db.TrySaveAsync(task, opened, t => t.AddInstruction("过时表单的批示", "测试领导", DateTimeOffset.UtcNow), modelState, Ct);

        result.ShouldBe(SaveResult.Conflict);
        modelState[""]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("该任务已被他人修改");
        modelState[TrySaveExtensions.VersionField]!.AttemptedValue.ShouldBe(stored.ToString(CultureInfo.InvariantCulture));
        await using var check = app.CreateDb();
        (await check.Instructions.CountAsync(i => i.PlanTaskId == taskId && i.Text == "过时表单的批示", Ct)).ShouldBe(0);
    }
}

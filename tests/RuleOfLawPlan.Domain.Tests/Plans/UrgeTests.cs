namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class UrgeTests
{
    [Fact]
    public void The_office_urges_a_task_under_way_and_the_note_is_kept_as_written()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        var urge = task.Urge(" 请于本周内报送进展 ", "政策法规办干部", TestPlans.Now);

        task.Urges.ShouldBe([urge]);
        urge.Note.ShouldBe("请于本周内报送进展");
        urge.UrgedBy.ShouldBe("政策法规办干部");
        urge.UrgedAt.ShouldBe(TestPlans.Now);
        urge.UrgedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_task_without_a_lead_section_a_completed_task_and_a_draft_plan_are_not_urged()
    {
        var draft = TestPlans.Draft();
        var unassigned = draft.AddArea("重点工作", "").AddTask(1, "任务", "");
        Should.Throw<DomainException>(() => unassigned.Urge("请报送", "办公室", TestPlans.Now)).Message.ShouldBe("计划尚未下达执行，不能催办");

        var (plan, task) = TestPlans.ActiveWithTask();
        var nobody = plan.Areas[0].AddTask(2, "无人牵头", "");
        Should.Throw<DomainException>(() => nobody.Urge("请报送", "办公室", TestPlans.Now)).Message.ShouldBe("任务尚未指定牵头科室，无法催办");

        task.AcceptUpdate(task.Report(TestPlans.Lead, new DateOnly(2023, 6, 20), 100).Id, "办公室", TestPlans.Now);
        Should.Throw<DomainException>(() => task.Urge("请报送", "办公室", TestPlans.Now)).Message.ShouldBe("任务已办结，无需催办");

        var (_, open) = TestPlans.ActiveWithTask();
        Should.Throw<DomainException>(() => open.Urge("  ", "办公室", TestPlans.Now));
        open.Urges.ShouldBeEmpty();
        task.Urges.ShouldBeEmpty();
        nobody.Urges.ShouldBeEmpty();
    }
}

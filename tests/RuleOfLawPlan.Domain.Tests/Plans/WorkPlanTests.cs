using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class WorkPlanTests
{
    [Fact]
    public void A_new_plan_is_a_draft()
    {
        TestPlans.Draft().Status.ShouldBe(PlanStatus.Draft);
    }

    [Fact]
    public void A_plan_goes_from_draft_to_active_to_closed_and_can_be_reopened()
    {
        var plan = TestPlans.Draft();

        plan.Activate();
        plan.Status.ShouldBe(PlanStatus.Active);
        plan.Close();
        plan.Status.ShouldBe(PlanStatus.Closed);
        plan.Reopen();
        plan.Status.ShouldBe(PlanStatus.Active);
    }

    [Fact]
    public void A_draft_cannot_be_closed_and_an_active_plan_cannot_be_activated_again()
    {
        var plan = TestPlans.Draft();

        Should.Throw<DomainException>(plan.Close).Message.ShouldBe("只有执行中的计划可以结束");
        plan.Activate();
        Should.Throw<DomainException>(plan.Activate).Message.ShouldBe("只有草稿状态的计划可以下达执行");
        Should.Throw<DomainException>(plan.Reopen).Message.ShouldBe("只有已结束的计划可以重新打开");
    }

    [Fact]
    public void A_closed_plan_refuses_every_change()
    {
        var (plan, task) = TestPlans.ActiveWithTask();
        var area = plan.Areas[0];
        plan.Close();

        Should.Throw<DomainException>(() => plan.SetHeader(2024, "新标题", null, null)).Message.ShouldBe("计划已结束，不能再修改");
        Should.Throw<DomainException>(() => plan.AddArea("新增", ""));
        Should.Throw<DomainException>(() => plan.AddRequirement("要求", ""));
        Should.Throw<DomainException>(() => area.AddTask(2, "新任务", ""));
        Should.Throw<DomainException>(() => task.RecordProgress(TestPlans.Lead, new DateOnly(2023, 12, 1), 50, "进展", "科长", TestPlans.Now));
        Should.Throw<DomainException>(() => task.Assign(TestPlans.Support, [], null, null, null));
        Should.Throw<DomainException>(() => task.AddInstruction("抓紧推进", "局长", TestPlans.Now));
        Should.Throw<DomainException>(() => task.AddKpi("满意度", "", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage));
        task.PercentComplete.ShouldBe(0);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void The_year_must_be_plausible(int year)
    {
        Should.Throw<DomainException>(() => new WorkPlan(1, year, "计划", null, null));
    }

    [Fact]
    public void A_title_is_required_and_bounded()
    {
        Should.Throw<DomainException>(() => new WorkPlan(1, 2023, "  ", null, null)).Message.ShouldBe("计划标题不能为空");
        Should.Throw<DomainException>(() => new WorkPlan(1, 2023, new string('法', 201), null, null)).Message.ShouldBe("计划标题不能超过200个字");
    }

    [Fact]
    public void Areas_and_requirements_are_numbered_in_order()
    {
        var plan = TestPlans.Draft();
        plan.AddArea("加强党的领导，深化理论学习", "");
        plan.AddArea("加强法治城管建设组织领导", "");
        plan.AddRequirement("加强组织领导", "");

        plan.Areas.Select(a => a.Ordinal).ShouldBe([1, 2]);
        plan.Areas[1].OrdinalText.ShouldBe("（二）");
        plan.Requirements.Single().Ordinal.ShouldBe(1);
    }
}

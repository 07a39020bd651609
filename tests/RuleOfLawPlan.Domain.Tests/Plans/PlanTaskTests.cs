using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class PlanTaskTests
{
    private static readonly DateOnly AsOf = new(2023, 6, 28);

    [Fact]
    public void A_report_waits_for_review_and_moves_no_figure()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        var update = task.RecordProgress(TestPlans.Lead, AsOf, 40, "已完成案件评查", "综合执法科科长", TestPlans.Now);

        update.Review.ShouldBe(ReviewState.Pending);
        update.RecordedAt.Offset.ShouldBe(TimeSpan.Zero);
        task.PercentComplete.ShouldBe(0);
        task.Status.ShouldBe(PlanTaskStatus.NotStarted);
    }

    [Fact]
    public void A_section_not_on_the_task_cannot_report()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        Should.Throw<DomainException>(() => task.RecordProgress(TestPlans.Outsider, AsOf, 10, "进展", "科长", TestPlans.Now))
            .Message.ShouldBe("只有牵头或配合科室可以填报本任务进展");
        task.Updates.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Percent_complete_stays_between_0_and_100(int percent)
    {
        var (_, task) = TestPlans.ActiveWithTask();

        Should.Throw<DomainException>(() => task.RecordProgress(TestPlans.Lead, AsOf, percent, "进展", "科长", TestPlans.Now))
            .Message.ShouldBe("完成进度须在0到100之间");
        task.PercentComplete.ShouldBe(0);
    }

    [Fact]
    public void Progress_cannot_be_reported_on_a_draft_plan()
    {
        var plan = TestPlans.Draft();
        var task = plan.AddArea("区域", "").AddTask(1, "任务", "");
        task.Assign(TestPlans.Lead, [], null, null, null);

        Should.Throw<DomainException>(() => task.RecordProgress(TestPlans.Lead, AsOf, 10, "进展", "科长", TestPlans.Now))
            .Message.ShouldBe("计划尚未下达执行，不能填报进展");
    }

    [Fact]
    public void An_empty_summary_is_refused()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        Should.Throw<DomainException>(() => task.RecordProgress(TestPlans.Lead, AsOf, 10, "  ", "科长", TestPlans.Now))
            .Message.ShouldBe("工作进展不能为空");
    }

    [Fact]
    public void The_lead_section_cannot_also_support()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        Should.Throw<DomainException>(() => task.Assign(TestPlans.Lead, [TestPlans.Lead], null, null, null))
            .Message.ShouldBe("牵头科室不能同时作为配合科室");
        task.LeadSectionId.ShouldBe(TestPlans.Lead);
        task.Supports.Select(s => s.SectionId).ShouldBe([TestPlans.Support]);
    }

    [Fact]
    public void Supporting_sections_need_a_lead()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        Should.Throw<DomainException>(() => task.Assign(null, [TestPlans.Support], null, null, null))
            .Message.ShouldBe("请先指定牵头科室，再指定配合科室");
    }

    [Fact]
    public void Reassigning_replaces_the_supporting_sections_and_a_missing_deadline_means_ongoing()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        task.Assign(TestPlans.Support, [TestPlans.Outsider, TestPlans.Outsider], " 局长 ", null, " 修订两部条例 ");

        task.Involves(TestPlans.Lead).ShouldBeFalse();
        task.Involves(TestPlans.Outsider).ShouldBeTrue();
        task.Supports.Count.ShouldBe(1);
        task.ResponsibleLeader.ShouldBe("局长");
        task.ExpectedOutcome.ShouldBe("修订两部条例");
        task.IsOngoing.ShouldBeTrue();
    }

    [Fact]
    public void A_leaders_instruction_is_recorded_with_who_and_when()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        var instruction = task.AddInstruction("请于月底前完成", "局长", TestPlans.Now);

        instruction.Leader.ShouldBe("局长");
        instruction.IssuedAt.ShouldBe(TestPlans.Now);
        Should.Throw<DomainException>(() => task.AddInstruction("", "局长", TestPlans.Now)).Message.ShouldBe("批示内容不能为空");
    }

    [Fact]
    public void Task_numbers_are_positive_when_given()
    {
        var plan = TestPlans.Draft();
        var area = plan.AddArea("区域", "");

        Should.Throw<DomainException>(() => area.AddTask(0, "任务", "")).Message.ShouldBe("任务序号须为正整数");
        area.AddTask(null, "区域作为一项任务", "").Number.ShouldBeNull();
    }
}

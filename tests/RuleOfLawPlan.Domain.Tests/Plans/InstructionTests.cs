using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class InstructionTests
{
    private static readonly DateTimeOffset AnswerTime = new(2023, 7, 3, 16, 30, 0, TimeSpan.FromHours(8));

    private static (WorkPlan Plan, PlanTask Task, Instruction Instruction) Instructed()
    {
        var (plan, task) = TestPlans.ActiveWithTask();
        var instruction = task.AddInstruction("请于月底前完成案卷评查", "局长", TestPlans.Now);
        TestPlans.Save(task);
        return (plan, task, instruction);
    }

    [Fact]
    public void An_instruction_is_open_until_the_lead_section_answers_it()
    {
        var (_, task, instruction) = Instructed();
        instruction.IsOpen.ShouldBeTrue();

        task.AnswerInstruction(instruction.Id, TestPlans.Lead, " 已完成评查案卷120件 ", "综合执法科科长", AnswerTime);

        instruction.IsOpen.ShouldBeFalse();
        instruction.Answer.ShouldBe("已完成评查案卷120件");
        instruction.AnsweredBySectionId.ShouldBe(TestPlans.Lead);
        instruction.AnsweredBy.ShouldBe("综合执法科科长");
        instruction.AnsweredAt.ShouldBe(AnswerTime);
        instruction.AnsweredAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Only_the_lead_section_answers()
    {
        var (_, task, instruction) = Instructed();

        Should.Throw<DomainException>(() => task.AnswerInstruction(instruction.Id, TestPlans.Support, "已配合", "主任", AnswerTime))
            .Message.ShouldBe("只有牵头科室可以答复批示");
        instruction.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void An_instruction_is_answered_once()
    {
        var (_, task, instruction) = Instructed();
        task.AnswerInstruction(instruction.Id, TestPlans.Lead, "已完成", "科长", AnswerTime);

        Should.Throw<DomainException>(() => task.AnswerInstruction(instruction.Id, TestPlans.Lead, "再次答复", "科长", AnswerTime))
            .Message.ShouldBe("该批示已答复，不能重复答复");
        instruction.Answer.ShouldBe("已完成");
    }

    [Fact]
    public void An_empty_answer_is_refused_and_the_instruction_stays_open()
    {
        var (_, task, instruction) = Instructed();

        Should.Throw<DomainException>(() => task.AnswerInstruction(instruction.Id, TestPlans.Lead, " ", "科长", AnswerTime))
            .Message.ShouldBe("办理情况不能为空");
        instruction.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void Another_tasks_instruction_is_not_found()
    {
        var (_, task, _) = Instructed();
        var (_, _, other) = Instructed();

        Should.Throw<DomainException>(() => task.AnswerInstruction(other.Id, TestPlans.Lead, "已完成", "科长", AnswerTime))
            .Message.ShouldBe("找不到该条批示");
        other.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void A_closed_plan_refuses_answers()
    {
        var (plan, task, instruction) = Instructed();
        plan.Close();

        Should.Throw<DomainException>(() => task.AnswerInstruction(instruction.Id, TestPlans.Lead, "已完成", "科长", AnswerTime))
            .Message.ShouldBe("计划已结束，不能再修改");
        instruction.IsOpen.ShouldBeTrue();
    }
}

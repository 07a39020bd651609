using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class ProgressReviewTests
{
    private static readonly DateOnly May = new(2023, 5, 25);
    private static readonly DateOnly June = new(2023, 6, 25);
    private static readonly DateTimeOffset ReviewTime = new(2023, 6, 29, 10, 0, 0, TimeSpan.FromHours(8));

    private static PlanTask Task() => TestPlans.ActiveWithTask().Task;

    private static void Accept(PlanTask task, ProgressUpdate update) => task.AcceptUpdate(update.Id, "政策法规办", ReviewTime);

    [Fact]
    public void Accepting_the_lead_sections_report_makes_it_the_tasks_figure_and_records_who_and_when()
    {
        var task = Task();
        var update = task.Report(TestPlans.Lead, June, 40);

        Accept(task, update);

        task.PercentComplete.ShouldBe(40);
        task.Status.ShouldBe(PlanTaskStatus.InProgress);
        update.Review.ShouldBe(ReviewState.Accepted);
        update.ReviewedBy.ShouldBe("政策法规办");
        update.ReviewedAt.ShouldBe(ReviewTime);
        update.ReviewedAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
        task.CurrentUpdate(TestPlans.Lead).ShouldBeSameAs(update);
    }

    [Fact]
    public void A_pending_update_shows_as_pending_and_leaves_the_accepted_figure_alone()
    {
        var task = Task();
        Accept(task, task.Report(TestPlans.Lead, May, 40));

        var pending = task.Report(TestPlans.Lead, June, 60);

        pending.Review.ShouldBe(ReviewState.Pending);
        task.PercentComplete.ShouldBe(40);
        task.CurrentUpdate(TestPlans.Lead)!.Percent.ShouldBe(40);
    }

    [Fact]
    public void The_figure_is_the_accepted_update_with_the_latest_as_of_date_not_the_latest_accepted()
    {
        var task = Task();
        Accept(task, task.Report(TestPlans.Lead, June, 50));
        var lateReportForMay = task.RecordProgress(TestPlans.Lead, May, 30, "补报5月进展", "科长", TestPlans.Now.AddDays(1));
        TestPlans.Save(task);

        Accept(task, lateReportForMay);

        task.PercentComplete.ShouldBe(50);
    }

    [Fact]
    public void Between_updates_as_of_the_same_day_the_later_recorded_is_the_figure()
    {
        var task = Task();
        var later = task.RecordProgress(TestPlans.Lead, June, 55, "下午报送", "科长", TestPlans.Now.AddHours(5));
        var earlier = task.RecordProgress(TestPlans.Lead, June, 45, "上午报送", "科长", TestPlans.Now);
        TestPlans.Save(task);

        Accept(task, later);
        Accept(task, earlier);

        task.PercentComplete.ShouldBe(55);
    }

    [Fact]
    public void A_supporting_sections_accepted_update_is_its_own_progress_and_leaves_the_tasks_figure_alone()
    {
        var task = Task();
        var update = task.Report(TestPlans.Support, June, 80);

        Accept(task, update);

        task.CurrentUpdate(TestPlans.Support).ShouldBeSameAs(update);
        task.CurrentUpdate(TestPlans.Lead).ShouldBeNull();
        task.PercentComplete.ShouldBe(0);
        task.Status.ShouldBe(PlanTaskStatus.NotStarted);
    }

    [Fact]
    public void Returning_an_update_needs_the_offices_comment()
    {
        var task = Task();
        var update = task.Report(TestPlans.Lead, June, 40);

        Should.Throw<DomainException>(() => task.ReturnUpdate(update.Id, "  ", "政策法规办", ReviewTime))
            .Message.ShouldBe("退回意见不能为空");
        update.Review.ShouldBe(ReviewState.Pending);

        task.ReturnUpdate(update.Id, "请补充佐证材料", "政策法规办", ReviewTime);

        update.Review.ShouldBe(ReviewState.Returned);
        update.ReviewComment.ShouldBe("请补充佐证材料");
        update.ReviewedBy.ShouldBe("政策法规办");
        update.ReviewedAt.ShouldBe(ReviewTime);
        task.PercentComplete.ShouldBe(0);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void An_update_is_reviewed_once(bool acceptFirst, bool acceptAgain)
    {
        var task = Task();
        var update = task.Report(TestPlans.Lead, June, 40);
        Review(task, update, acceptFirst);

        Should.Throw<DomainException>(() => Review(task, update, acceptAgain)).Message.ShouldBe("该条进展已审核，不能重复审核");
        update.Review.ShouldBe(acceptFirst ? ReviewState.Accepted : ReviewState.Returned);
    }

    private static void Review(PlanTask task, ProgressUpdate update, bool accept)
    {
        if (accept) Accept(task, update);
        else task.ReturnUpdate(update.Id, "请补充", "政策法规办", ReviewTime);
    }

    [Fact]
    public void Completion_needs_an_accepted_100_percent_update_from_the_lead()
    {
        var task = Task();
        var lead = task.Report(TestPlans.Lead, June, 100);
        Accept(task, task.Report(TestPlans.Support, June, 100));

        task.Status.ShouldBe(PlanTaskStatus.NotStarted);

        Accept(task, lead);

        task.Status.ShouldBe(PlanTaskStatus.Completed);
        task.PercentComplete.ShouldBe(100);
    }

    [Fact]
    public void A_returned_update_is_corrected_by_a_new_one_and_both_stay_in_the_history()
    {
        var task = Task();
        var original = task.Report(TestPlans.Lead, June, 40);
        task.ReturnUpdate(original.Id, "进度与佐证不符", "政策法规办", ReviewTime);

        var correction = task.Report(TestPlans.Lead, June, 35, supersedes: original.Id);
        Accept(task, correction);

        task.Updates.ShouldBe([original, correction]);
        original.IsSuperseded.ShouldBeTrue();
        original.Review.ShouldBe(ReviewState.Returned);
        original.Percent.ShouldBe(40);
        correction.SupersedesId.ShouldBe(original.Id);
        correction.IsSuperseded.ShouldBeFalse();
        task.PercentComplete.ShouldBe(35);
    }

    [Fact]
    public void A_correction_of_an_accepted_update_moves_the_figure_only_once_it_is_accepted()
    {
        var task = Task();
        var original = task.Report(TestPlans.Lead, June, 100);
        Accept(task, original);

        var correction = task.Report(TestPlans.Lead, June, 80, supersedes: original.Id);

        original.IsSuperseded.ShouldBeTrue();
        task.PercentComplete.ShouldBe(100);
        task.Status.ShouldBe(PlanTaskStatus.Completed);

        Accept(task, correction);

        task.PercentComplete.ShouldBe(80);
        task.Status.ShouldBe(PlanTaskStatus.InProgress);
        task.CurrentUpdate(TestPlans.Lead).ShouldBeSameAs(correction);
    }

    [Fact]
    public void A_returned_correction_leaves_the_accepted_original_standing_until_a_later_correction_is_accepted()
    {
        var task = Task();
        var original = task.Report(TestPlans.Lead, June, 60);
        Accept(task, original);
        var first = task.Report(TestPlans.Lead, May, 50, supersedes: original.Id);
        task.ReturnUpdate(first.Id, "数据有误", "政策法规办", ReviewTime);

        task.PercentComplete.ShouldBe(60);

        var second = task.Report(TestPlans.Lead, May, 55, supersedes: first.Id);
        Accept(task, second);

        task.PercentComplete.ShouldBe(55);
        task.CurrentUpdate(TestPlans.Lead).ShouldBeSameAs(second);
    }

    [Fact]
    public void A_section_can_correct_only_its_own_updates()
    {
        var task = Task();
        var leads = task.Report(TestPlans.Lead, June, 40);

        Should.Throw<DomainException>(() => task.Report(TestPlans.Support, June, 30, supersedes: leads.Id))
            .Message.ShouldBe("只能更正本科室填报的进展");
        task.Updates.Count.ShouldBe(1);
        leads.IsSuperseded.ShouldBeFalse();
    }

    [Fact]
    public void An_update_is_corrected_once_and_further_corrections_correct_the_correction()
    {
        var task = Task();
        var original = task.Report(TestPlans.Lead, June, 40);
        task.Report(TestPlans.Lead, June, 45, supersedes: original.Id);

        Should.Throw<DomainException>(() => task.Report(TestPlans.Lead, June, 50, supersedes: original.Id))
            .Message.ShouldBe("该条进展已被更正，请在最新的一条上更正");
        task.Updates.Count.ShouldBe(2);
    }

    [Fact]
    public void A_superseded_pending_update_is_no_longer_reviewed()
    {
        var task = Task();
        var original = task.Report(TestPlans.Lead, June, 40, summary: "有错字");
        task.Report(TestPlans.Lead, June, 40, supersedes: original.Id);

        Should.Throw<DomainException>(() => Accept(task, original)).Message.ShouldBe("该条进展已被更正，请审核更正后的进展");
        Should.Throw<DomainException>(() => task.ReturnUpdate(original.Id, "退回", "政策法规办", ReviewTime))
            .Message.ShouldBe("该条进展已被更正，请审核更正后的进展");
        original.Review.ShouldBe(ReviewState.Pending);
        task.PercentComplete.ShouldBe(0);
    }

    [Fact]
    public void An_update_that_is_not_the_tasks_is_not_found()
    {
        var task = Task();
        var other = Task().Report(TestPlans.Lead, June, 40);

        Should.Throw<DomainException>(() => Accept(task, other)).Message.ShouldBe("找不到该条进展");
        Should.Throw<DomainException>(() => task.ReturnUpdate(other.Id, "退回", "政策法规办", ReviewTime)).Message.ShouldBe("找不到该条进展");
        Should.Throw<DomainException>(() => task.Report(TestPlans.Lead, June, 40, supersedes: other.Id)).Message.ShouldBe("找不到要更正的进展");
        task.Updates.ShouldBeEmpty();
    }

    [Fact]
    public void The_figure_as_of_a_day_ignores_updates_as_of_later_days()
    {
        var task = Task();
        var may = task.Report(TestPlans.Lead, May, 30);
        var june = task.Report(TestPlans.Lead, June, 60);
        Accept(task, may);
        Accept(task, june);

        task.CurrentUpdate(TestPlans.Lead, June.AddDays(-1)).ShouldBeSameAs(may);
        task.CurrentUpdate(TestPlans.Lead, June).ShouldBeSameAs(june);
        task.CurrentUpdate(TestPlans.Lead, May.AddDays(-1)).ShouldBeNull();
    }

    [Fact]
    public void A_closed_plan_refuses_reviews()
    {
        var (plan, task) = TestPlans.ActiveWithTask();
        var update = task.Report(TestPlans.Lead, June, 40);
        plan.Close();

        Should.Throw<DomainException>(() => Accept(task, update)).Message.ShouldBe("计划已结束，不能再修改");
        Should.Throw<DomainException>(() => task.ReturnUpdate(update.Id, "退回", "政策法规办", ReviewTime)).Message.ShouldBe("计划已结束，不能再修改");
        update.Review.ShouldBe(ReviewState.Pending);
    }
}

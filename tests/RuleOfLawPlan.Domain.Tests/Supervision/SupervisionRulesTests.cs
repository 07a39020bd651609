using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Domain.Tests.Plans;

namespace RuleOfLawPlan.Domain.Tests.Supervision;

/// <summary>
/// The plan starts on 1 March 2023 and the task is due on 9 June, 100 days later, so the expected-progress
/// line is one percent a day. Reporting periods close on the 25th; the first one the plan can be chased for
/// is April's (26 March – 25 April).
/// </summary>
public sealed class SupervisionRulesTests
{
    private static readonly DateOnly Start = D(2023, 3, 1);
    private static readonly DateOnly Deadline = D(2023, 6, 9);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static SupervisionFacts Facts(int percent, DateOnly? lastAccepted, DateOnly? deadline = null, bool ongoing = false,
        DateOnly? start = null) =>
        new(ongoing ? null : deadline ?? Deadline, start ?? Start, PlanTask.StatusFor(percent), percent, lastAccepted);

    private static SupervisionAssessment Assess(SupervisionFacts facts, DateOnly asOf, SupervisionSettings? settings = null) =>
        SupervisionRules.Assess(facts, asOf, settings ?? SupervisionSettings.Default);

    /// <summary>A task on the line that reported that very day: only the deadline decides its light.</summary>
    private static SupervisionAssessment OnTheLine(DateOnly asOf, int percent, SupervisionSettings? settings = null) =>
        Assess(Facts(percent, asOf), asOf, settings);

    [Fact]
    public void The_day_after_the_deadline_an_unfinished_task_is_red()
    {
        var assessment = OnTheLine(Deadline.AddDays(1), 99);

        (assessment.Light, assessment.Reason, assessment.DaysLeft).ShouldBe((SupervisionLight.Red, LightReason.Overdue, -1));
    }

    [Fact]
    public void On_the_deadline_day_an_unfinished_task_is_not_overdue_but_behind_the_line_that_reaches_100_percent()
    {
        var assessment = OnTheLine(Deadline, 99);

        (assessment.Light, assessment.Reason, assessment.DaysLeft, assessment.ExpectedPercent)
            .ShouldBe((SupervisionLight.Yellow, LightReason.BehindSchedule, 0, 100));
    }

    [Fact]
    public void The_day_before_the_deadline_a_task_on_the_line_is_blue()
    {
        var assessment = OnTheLine(Deadline.AddDays(-1), 99);

        (assessment.Light, assessment.Reason, assessment.DaysLeft, assessment.ExpectedPercent)
            .ShouldBe((SupervisionLight.Blue, LightReason.DeadlineNear, 1, 99));
    }

    [Theory]
    [InlineData(7, 93, SupervisionLight.Blue)]
    [InlineData(8, 92, SupervisionLight.Green)]
    public void The_blue_window_opens_7_days_before_the_deadline(int daysLeft, int percentOnTheLine, SupervisionLight light)
    {
        var assessment = OnTheLine(Deadline.AddDays(-daysLeft), percentOnTheLine);

        assessment.ExpectedPercent.ShouldBe(percentOnTheLine);
        assessment.Light.ShouldBe(light);
    }

    [Fact]
    public void The_blue_window_is_a_setting()
    {
        OnTheLine(Deadline.AddDays(-1), 99, new SupervisionSettings(blueWindowDays: 0)).Light.ShouldBe(SupervisionLight.Green);
        OnTheLine(Deadline.AddDays(-10), 90, new SupervisionSettings(blueWindowDays: 10)).Light.ShouldBe(SupervisionLight.Blue);
        OnTheLine(Deadline.AddDays(-11), 89, new SupervisionSettings(blueWindowDays: 10)).Light.ShouldBe(SupervisionLight.Green);
    }

    [Theory]
    [InlineData(40, SupervisionLight.Green, false)]
    [InlineData(39, SupervisionLight.Yellow, true)]
    public void A_task_exactly_on_the_expected_progress_line_is_not_behind(int percent, SupervisionLight light, bool behind)
    {
        var assessment = OnTheLine(Start.AddDays(40), percent);

        assessment.ExpectedPercent.ShouldBe(40);
        (assessment.Light, assessment.IsBehindSchedule).ShouldBe((light, behind));
        if (behind) assessment.Reason.ShouldBe(LightReason.BehindSchedule);
    }

    [Theory]
    [InlineData(33, true)]
    [InlineData(34, false)]
    public void A_fraction_of_a_percent_below_the_line_is_behind(int percent, bool behind)
    {
        var threeDays = Start.AddDays(3);

        var assessment = Assess(Facts(percent, Start.AddDays(1), deadline: threeDays), Start.AddDays(1));

        assessment.ExpectedPercent.ShouldBe(34);
        assessment.IsBehindSchedule.ShouldBe(behind);
    }

    [Fact]
    public void Before_the_plan_starts_nothing_is_expected()
    {
        var assessment = Assess(Facts(0, null), Start.AddDays(-10));

        (assessment.Light, assessment.ExpectedPercent).ShouldBe((SupervisionLight.Green, 0));
    }

    [Fact]
    public void A_deadline_on_the_plans_start_expects_everything_from_that_day()
    {
        var facts = Facts(50, Start, deadline: Start);

        Assess(facts, Start).Reason.ShouldBe(LightReason.BehindSchedule);
        Assess(facts with { LastAcceptedOn = Start.AddDays(-1) }, Start.AddDays(-1)).Light.ShouldBe(SupervisionLight.Blue);
    }

    [Fact]
    public void A_completed_task_is_done_even_after_its_deadline()
    {
        var assessment = Assess(Facts(100, D(2023, 6, 1)), Deadline.AddDays(30));

        (assessment.Light, assessment.Reason, assessment.DaysLeft).ShouldBe((SupervisionLight.Done, LightReason.Completed, (int?)null));
    }

    [Fact]
    public void Overdue_comes_before_behind_and_behind_before_a_missed_period()
    {
        Assess(Facts(10, null), Deadline.AddDays(1)).Light.ShouldBe(SupervisionLight.Red);

        var behindAndSilent = Assess(Facts(10, null), D(2023, 5, 1));

        (behindAndSilent.Light, behindAndSilent.Reason).ShouldBe((SupervisionLight.Yellow, LightReason.BehindSchedule));
        behindAndSilent.MissedPeriod.ShouldNotBeNull().Month.ShouldBe(4);
    }

    [Fact]
    public void A_missed_period_outranks_a_near_deadline()
    {
        var asOf = Deadline.AddDays(-3);

        var silent = Assess(Facts(97, D(2023, 4, 25)), asOf);
        var reported = Assess(Facts(97, D(2023, 4, 26)), asOf);

        (silent.Light, silent.Reason, silent.DaysLeft).ShouldBe((SupervisionLight.Yellow, LightReason.NoUpdateInPeriod, 3));
        silent.MissedPeriod.ShouldBe(new ReportingCalendar().PeriodFor(2023, 5));
        (reported.Light, reported.Reason).ShouldBe((SupervisionLight.Blue, LightReason.DeadlineNear));
    }

    [Fact]
    public void A_task_on_the_line_without_an_accepted_update_for_the_last_closed_period_is_yellow()
    {
        var asOf = D(2023, 5, 1);

        var assessment = Assess(Facts(61, D(2023, 3, 20)), asOf);

        (assessment.Light, assessment.Reason, assessment.IsBehindSchedule).ShouldBe((SupervisionLight.Yellow, LightReason.NoUpdateInPeriod, false));
        assessment.MissedPeriod.ShouldBe(new ReportingCalendar().PeriodFor(2023, 4));
    }

    [Theory]
    [InlineData(4, 25, null, SupervisionLight.Green)]
    [InlineData(4, 26, null, SupervisionLight.Yellow)]
    [InlineData(4, 26, "2023-03-26", SupervisionLight.Green)]
    [InlineData(4, 26, "2023-03-25", SupervisionLight.Yellow)]
    [InlineData(5, 25, "2023-04-10", SupervisionLight.Green)]
    [InlineData(5, 26, "2023-04-10", SupervisionLight.Yellow)]
    [InlineData(5, 26, "2023-04-26", SupervisionLight.Green)]
    [InlineData(5, 26, "2023-05-26", SupervisionLight.Green)]
    public void An_ongoing_task_is_judged_by_the_last_closed_reporting_period_from_the_day_after_its_cut_off(
        int month, int day, string? lastAccepted, SupervisionLight light)
    {
        var last = lastAccepted is null ? (DateOnly?)null : DateOnly.Parse(lastAccepted, System.Globalization.CultureInfo.InvariantCulture);

        Assess(Facts(10, last, ongoing: true), D(2023, month, day)).Light.ShouldBe(light);
    }

    [Fact]
    public void An_ongoing_task_is_never_red_or_blue_and_has_no_line()
    {
        var assessment = Assess(Facts(10, D(2023, 12, 20), ongoing: true), D(2023, 12, 31));

        (assessment.Light, assessment.Reason, assessment.DaysLeft, assessment.ExpectedPercent)
            .ShouldBe((SupervisionLight.Green, LightReason.OnTrack, (int?)null, (int?)null));
    }

    [Theory]
    [InlineData("2023-11-26", SupervisionLight.Green)]
    [InlineData("2023-11-25", SupervisionLight.Yellow)]
    public void In_early_January_the_period_that_closed_on_25_December_is_the_one_judged(string lastAccepted, SupervisionLight light)
    {
        var assessment = Assess(Facts(10, DateOnly.Parse(lastAccepted, System.Globalization.CultureInfo.InvariantCulture), ongoing: true), D(2024, 1, 2));

        assessment.Light.ShouldBe(light);
        if (light == SupervisionLight.Yellow) (assessment.MissedPeriod!.Year, assessment.MissedPeriod.Month).ShouldBe((2023, 12));
    }

    [Fact]
    public void A_period_the_plan_was_issued_in_the_middle_of_is_not_chased()
    {
        var facts = Facts(0, null, ongoing: true, start: D(2023, 4, 20));

        Assess(facts, D(2023, 4, 26)).Light.ShouldBe(SupervisionLight.Green);
        Assess(facts, D(2023, 5, 26)).MissedPeriod.ShouldBe(new ReportingCalendar().PeriodFor(2023, 5));
    }

    [Theory]
    [InlineData(25, 6)]
    [InlineData(26, 7)]
    public void What_is_due_next_is_the_cut_off_of_the_period_the_day_falls_in(int day, int month)
    {
        Assess(Facts(10, null, ongoing: true), D(2023, 6, day)).DueNext.CutOff.ShouldBe(D(2023, month, 25));
    }

    [Fact]
    public void The_cut_off_day_is_a_setting()
    {
        var endOfMonth = new SupervisionSettings(cutOffDay: 31);

        Assess(Facts(10, D(2023, 4, 1), ongoing: true), D(2023, 5, 31), endOfMonth).Light.ShouldBe(SupervisionLight.Green);
        Assess(Facts(10, D(2023, 4, 1), ongoing: true), D(2023, 6, 1), endOfMonth).Light.ShouldBe(SupervisionLight.Yellow);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(91)]
    public void The_blue_window_is_between_0_and_90_days(int days)
    {
        Should.Throw<DomainException>(() => new SupervisionSettings(blueWindowDays: days)).Message.ShouldBe("临近期限提醒天数须在0到90之间");
    }

    [Fact]
    public void A_tasks_facts_come_from_its_plan_and_its_lead_sections_accepted_updates_as_of_the_day()
    {
        var (plan, task) = TestPlans.ActiveWithTask();
        task.Assign(TestPlans.Lead, [TestPlans.Support], "分管副局长", D(2023, 9, 30), null);
        var may = task.Report(TestPlans.Lead, D(2023, 5, 20), 40);
        task.AcceptUpdate(may.Id, "政策法规办", TestPlans.Now);
        task.Report(TestPlans.Lead, D(2023, 6, 20), 60);
        var support = task.Report(TestPlans.Support, D(2023, 6, 21), 90);
        task.AcceptUpdate(support.Id, "政策法规办", TestPlans.Now);

        SupervisionFacts.Of(task, D(2023, 6, 28))
            .ShouldBe(new SupervisionFacts(D(2023, 9, 30), plan.IssueDate!.Value, PlanTaskStatus.InProgress, 40, D(2023, 5, 20)));
        SupervisionFacts.Of(task, D(2023, 5, 19))
            .ShouldBe(new SupervisionFacts(D(2023, 9, 30), plan.IssueDate!.Value, PlanTaskStatus.NotStarted, 0, null));
    }

    [Fact]
    public void Without_an_issue_date_the_line_starts_on_1_January_of_the_plan_year()
    {
        SupervisionFacts.PlanStartOf(2023, null).ShouldBe(D(2023, 1, 1));
        SupervisionFacts.PlanStartOf(2023, D(2023, 4, 25)).ShouldBe(D(2023, 4, 25));
    }
}

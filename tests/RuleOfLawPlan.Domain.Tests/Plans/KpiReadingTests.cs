using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class KpiReadingTests
{
    private static readonly DateOnly YearEnd = new(2023, 12, 31);

    private static (PlanTask Task, Kpi Kpi) With(KpiComparator comparator, decimal? target, KpiKind kind)
    {
        var (_, task) = TestPlans.ActiveWithTask();
        var kpi = task.AddKpi("指标", "", comparator, target, "%", kind);
        TestPlans.Save(task);
        return (task, kpi);
    }

    private static (PlanTask Task, Kpi Kpi) Satisfaction() => With(KpiComparator.AtLeast, 90, KpiKind.Percentage);

    private static (PlanTask Task, Kpi Kpi) LegalReviewers() => With(KpiComparator.AtLeast, 5, KpiKind.Ratio);

    private static (PlanTask Task, Kpi Kpi) Lawsuits() => With(KpiComparator.DecreaseYearOnYear, null, KpiKind.YearOnYearCount);

    private static KpiReading Percent(PlanTask task, Kpi kpi, decimal percent, DateOnly? asOf = null, int minutes = 0) =>
        task.RecordKpiReading(kpi.Id, asOf ?? YearEnd, percent, null, null, null, null, "年度满意度测评报告", "政策法规办", TestPlans.Now.AddMinutes(minutes));

    private static KpiReading Ratio(PlanTask task, Kpi kpi, int? part, int? whole) =>
        task.RecordKpiReading(kpi.Id, YearEnd, null, part, whole, null, null, "人事科花名册", "政策法规办", TestPlans.Now);

    private static KpiReading Counts(PlanTask task, Kpi kpi, int? thisYear, int? lastYear) =>
        task.RecordKpiReading(kpi.Id, YearEnd, null, null, null, thisYear, lastYear, "法院案件统计", "政策法规办", TestPlans.Now);

    [Theory]
    [InlineData("90", KpiAttainment.Met)]
    [InlineData("89.99", KpiAttainment.NotMet)]
    [InlineData("100", KpiAttainment.Met)]
    public void Satisfaction_of_at_least_90_percent_is_met_from_exactly_90(string percent, KpiAttainment expected)
    {
        var (task, kpi) = Satisfaction();

        Percent(task, kpi, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Theory]
    [InlineData(4, 80, KpiAttainment.Met)]
    [InlineData(3, 80, KpiAttainment.NotMet)]
    [InlineData(5, 80, KpiAttainment.Met)]
    public void Legal_reviewers_of_at_least_5_percent_are_met_from_exactly_4_of_80(int part, int whole, KpiAttainment expected)
    {
        var (task, kpi) = LegalReviewers();

        Ratio(task, kpi, part, whole);

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Theory]
    [InlineData("95", KpiAttainment.Met)]
    [InlineData("94.99", KpiAttainment.NotMet)]
    public void A_satisfaction_rate_of_at_least_95_percent_is_met_from_exactly_95(string percent, KpiAttainment expected)
    {
        var (task, kpi) = With(KpiComparator.AtLeast, 95, KpiKind.Percentage);

        Percent(task, kpi, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Theory]
    [InlineData(5_000, 100_000, KpiAttainment.Met)]
    [InlineData(5, 100, KpiAttainment.Met)]
    [InlineData(4_999, 100_000, KpiAttainment.NotMet)]
    public void Legal_reviewers_are_met_from_exactly_5_percent_of_any_whole(int part, int whole, KpiAttainment expected)
    {
        var (task, kpi) = LegalReviewers();

        Ratio(task, kpi, part, whole);

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Fact]
    public void A_ratio_just_below_the_target_is_not_met_although_it_shows_rounded_to_the_target()
    {
        var (task, kpi) = LegalReviewers();

        Ratio(task, kpi, 4_999, 100_000);

        Kpi.RatioPercent(4_999, 100_000).ShouldBe(5.00m);
        kpi.Evaluate(YearEnd).ShouldBe(KpiAttainment.NotMet);
    }

    [Theory]
    [InlineData("100", KpiAttainment.Met)]
    [InlineData("99.99", KpiAttainment.NotMet)]
    public void A_100_percent_target_is_met_only_by_100(string percent, KpiAttainment expected)
    {
        var (task, kpi) = With(KpiComparator.Equal, 100, KpiKind.Percentage);

        Percent(task, kpi, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Theory]
    [InlineData("5", KpiAttainment.Met)]
    [InlineData("5.01", KpiAttainment.NotMet)]
    public void An_at_most_target_is_met_up_to_exactly_the_target(string percent, KpiAttainment expected)
    {
        var (task, kpi) = With(KpiComparator.AtMost, 5, KpiKind.Percentage);

        Percent(task, kpi, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Theory]
    [InlineData(4, 5, KpiAttainment.Met)]
    [InlineData(5, 5, KpiAttainment.NotMet)]
    [InlineData(6, 5, KpiAttainment.NotMet)]
    public void A_year_on_year_count_is_met_only_by_a_decrease_and_equal_counts_are_not_one(int thisYear, int lastYear, KpiAttainment expected)
    {
        var (task, kpi) = Lawsuits();

        Counts(task, kpi, thisYear, lastYear);

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, 0, KpiAttainment.NotMet)]
    [InlineData(1, 0, KpiAttainment.NotMet)]
    [InlineData(0, 1, KpiAttainment.Met)]
    public void With_no_cases_last_year_there_is_nothing_to_fall_from(int thisYear, int lastYear, KpiAttainment expected)
    {
        var (task, kpi) = Lawsuits();

        Counts(task, kpi, thisYear, lastYear);

        kpi.Evaluate(YearEnd).ShouldBe(expected);
    }

    [Fact]
    public void Pages_that_project_the_figures_get_the_same_answer_as_the_kpi()
    {
        var (task, kpi) = LegalReviewers();
        var reading = Ratio(task, kpi, 4_999, 100_000);

        var value = KpiReading.ValueOf(reading.Percent, reading.Numerator, reading.Denominator, reading.ThisYearCount);

        Kpi.Evaluate(kpi.Comparator, kpi.Target, value, reading.LastYearCount).ShouldBe(kpi.Evaluate(YearEnd));
        Kpi.Evaluate(kpi.Comparator, kpi.Target, null, null).ShouldBe(KpiAttainment.NoData);
        Kpi.Evaluate(KpiComparator.DecreaseYearOnYear, null, 5, 5).ShouldBe(KpiAttainment.NotMet);
    }

    [Fact]
    public void Without_a_reading_as_of_the_day_there_is_no_data()
    {
        var (task, kpi) = Satisfaction();
        kpi.Evaluate(YearEnd).ShouldBe(KpiAttainment.NoData);

        Percent(task, kpi, 95, asOf: new DateOnly(2023, 6, 30));

        kpi.Evaluate(new DateOnly(2023, 6, 29)).ShouldBe(KpiAttainment.NoData);
        kpi.Evaluate(new DateOnly(2023, 6, 30)).ShouldBe(KpiAttainment.Met);
    }

    [Fact]
    public void The_latest_reading_at_or_before_the_day_decides()
    {
        var (task, kpi) = Satisfaction();
        Percent(task, kpi, 85, asOf: new DateOnly(2023, 6, 30));
        Percent(task, kpi, 92, asOf: YearEnd);

        kpi.Evaluate(new DateOnly(2023, 12, 30)).ShouldBe(KpiAttainment.NotMet);
        kpi.Evaluate(YearEnd).ShouldBe(KpiAttainment.Met);
        kpi.LatestReading(new DateOnly(2024, 3, 1))!.Percent.ShouldBe(92);
    }

    [Fact]
    public void A_later_reading_for_the_same_day_corrects_the_earlier_which_stays_in_the_history()
    {
        var (task, kpi) = Satisfaction();
        Percent(task, kpi, 95, minutes: 0);
        Percent(task, kpi, 88, minutes: 30);

        kpi.Evaluate(YearEnd).ShouldBe(KpiAttainment.NotMet);
        kpi.Readings.Count.ShouldBe(2);
    }

    [Fact]
    public void A_reading_keeps_its_source_and_who_recorded_it_when()
    {
        var (task, kpi) = LegalReviewers();

        var reading = Ratio(task, kpi, 4, 80);

        reading.Numerator.ShouldBe(4);
        reading.Denominator.ShouldBe(80);
        reading.Value.ShouldBe(5m);
        reading.Source.ShouldBe("人事科花名册");
        reading.RecordedBy.ShouldBe("政策法规办");
        reading.RecordedAt.ShouldBe(TestPlans.Now);
        reading.RecordedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null, 80, "请填写分子和分母")]
    [InlineData(4, null, "请填写分子和分母")]
    [InlineData(4, 0, "分母须大于0")]
    [InlineData(0, 0, "分母须大于0")]
    [InlineData(-1, 80, "分子不能为负数")]
    [InlineData(81, 80, "分子不能大于分母")]
    public void A_ratio_needs_a_part_not_above_a_whole_above_zero(int? part, int? whole, string message)
    {
        var (task, kpi) = LegalReviewers();

        Should.Throw<DomainException>(() => Ratio(task, kpi, part, whole)).Message.ShouldBe(message);
        kpi.Readings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("-0.01", "百分比须在0到100之间")]
    [InlineData("100.01", "百分比须在0到100之间")]
    [InlineData("90.555", "百分比最多保留两位小数")]
    public void A_percentage_is_between_0_and_100_with_two_decimals_at_most(string percent, string message)
    {
        var (task, kpi) = Satisfaction();

        Should.Throw<DomainException>(() => Percent(task, kpi, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)))
            .Message.ShouldBe(message);
        kpi.Readings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, 5, "请填写本年数和上年数")]
    [InlineData(3, null, "请填写本年数和上年数")]
    [InlineData(-1, 5, "计数不能为负数")]
    [InlineData(3, -5, "计数不能为负数")]
    public void A_year_on_year_reading_needs_both_counts_not_negative(int? thisYear, int? lastYear, string message)
    {
        var (task, kpi) = Lawsuits();

        Should.Throw<DomainException>(() => Counts(task, kpi, thisYear, lastYear)).Message.ShouldBe(message);
        kpi.Readings.ShouldBeEmpty();
    }

    [Fact]
    public void A_reading_holds_only_the_figures_of_its_kpis_kind()
    {
        var (satisfactionTask, satisfaction) = Satisfaction();
        var (reviewersTask, reviewers) = LegalReviewers();
        var (lawsuitsTask, lawsuits) = Lawsuits();

        Should.Throw<DomainException>(() => satisfactionTask.RecordKpiReading(satisfaction.Id, YearEnd, null, 4, 80, null, null, "来源", "办", TestPlans.Now))
            .Message.ShouldBe("百分比指标只填写百分比");
        Should.Throw<DomainException>(() => satisfactionTask.RecordKpiReading(satisfaction.Id, YearEnd, null, null, null, null, null, "来源", "办", TestPlans.Now))
            .Message.ShouldBe("请填写百分比");
        Should.Throw<DomainException>(() => reviewersTask.RecordKpiReading(reviewers.Id, YearEnd, 5, 4, 80, null, null, "来源", "办", TestPlans.Now))
            .Message.ShouldBe("比例指标只填写分子和分母");
        Should.Throw<DomainException>(() => lawsuitsTask.RecordKpiReading(lawsuits.Id, YearEnd, null, 3, null, 3, 5, "来源", "办", TestPlans.Now))
            .Message.ShouldBe("同比指标只填写本年数和上年数");
        satisfaction.Readings.ShouldBeEmpty();
        reviewers.Readings.ShouldBeEmpty();
        lawsuits.Readings.ShouldBeEmpty();
    }

    [Fact]
    public void A_reading_needs_its_source()
    {
        var (task, kpi) = Satisfaction();

        Should.Throw<DomainException>(() => task.RecordKpiReading(kpi.Id, YearEnd, 95, null, null, null, null, " ", "政策法规办", TestPlans.Now))
            .Message.ShouldBe("数据来源不能为空");
        kpi.Readings.ShouldBeEmpty();
    }

    [Fact]
    public void Readings_are_recorded_only_while_the_plan_is_carried_out_and_only_for_the_tasks_kpis()
    {
        var plan = TestPlans.Draft();
        var task = plan.AddArea("区域", "").AddTask(1, "任务", "");
        var kpi = task.AddKpi("满意度", "", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage);
        TestPlans.Save(task);
        var (otherTask, otherKpi) = Satisfaction();

        Should.Throw<DomainException>(() => Percent(task, kpi, 95)).Message.ShouldBe("计划尚未下达执行，不能填报指标数据");
        Should.Throw<DomainException>(() => Percent(otherTask, kpi, 95)).Message.ShouldBe("找不到该项指标");
        plan.Activate();
        plan.Close();
        Should.Throw<DomainException>(() => Percent(task, kpi, 95)).Message.ShouldBe("计划已结束，不能再修改");
        kpi.Readings.ShouldBeEmpty();
        otherKpi.Readings.ShouldBeEmpty();
    }
}

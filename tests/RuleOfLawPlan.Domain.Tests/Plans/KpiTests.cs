using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

public sealed class KpiTests
{
    private static PlanTask Task() => TestPlans.Draft().AddArea("区域", "").AddTask(1, "任务", "");

    [Fact]
    public void Satisfaction_of_at_least_90_percent_is_met_by_90_and_not_by_89_9()
    {
        var kpi = Task().AddKpi("城市管理行政执法社会满意度", "社会满意度达90%以上", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage);

        kpi.IsMetBy(90m).ShouldBeTrue();
        kpi.IsMetBy(89.9m).ShouldBeFalse();
    }

    [Fact]
    public void Legal_reviewers_are_a_ratio_of_two_counts()
    {
        var kpi = Task().AddKpi("法制审核人员", "不少于本单位执法人员总数的5%", KpiComparator.AtLeast, 5, "%", KpiKind.Ratio);

        kpi.IsMetBy(Kpi.RatioPercent(4, 80)).ShouldBeTrue();
        kpi.IsMetBy(Kpi.RatioPercent(3, 80)).ShouldBeFalse();
        Kpi.RatioPercent(1, 3).ShouldBe(33.33m);
        Should.Throw<DomainException>(() => Kpi.RatioPercent(1, 0)).Message.ShouldBe("分母须大于0");
    }

    [Fact]
    public void A_reply_rate_of_100_percent_means_exactly_100()
    {
        var kpi = Task().AddKpi("办复率", "办复率达100%", KpiComparator.Equal, 100, "%", KpiKind.Percentage);

        kpi.IsMetBy(100m).ShouldBeTrue();
        kpi.IsMetBy(99.5m).ShouldBeFalse();
    }

    [Fact]
    public void A_year_on_year_count_must_fall_below_last_year()
    {
        var kpi = Task().AddKpi("行政诉讼案件数", "双下降", KpiComparator.DecreaseYearOnYear, null, "", KpiKind.YearOnYearCount);

        kpi.IsMetBy(3, lastYear: 5).ShouldBeTrue();
        kpi.IsMetBy(5, lastYear: 5).ShouldBeFalse();
        Should.Throw<DomainException>(() => kpi.IsMetBy(3)).Message.ShouldBe("同比指标需要上年数");
    }

    [Fact]
    public void Inconsistent_kpis_are_refused()
    {
        var task = Task();

        Should.Throw<DomainException>(() => task.AddKpi("案件数", "", KpiComparator.AtLeast, null, "", KpiKind.YearOnYearCount));
        Should.Throw<DomainException>(() => task.AddKpi("案件数", "", KpiComparator.DecreaseYearOnYear, 5, "", KpiKind.YearOnYearCount));
        Should.Throw<DomainException>(() => task.AddKpi("满意度", "", KpiComparator.DecreaseYearOnYear, null, "%", KpiKind.Percentage));
        Should.Throw<DomainException>(() => task.AddKpi("满意度", "", KpiComparator.AtLeast, null, "%", KpiKind.Percentage)).Message.ShouldBe("请填写指标目标值");
        Should.Throw<DomainException>(() => task.AddKpi("满意度", "", KpiComparator.AtLeast, 120, "%", KpiKind.Percentage)).Message.ShouldBe("百分比目标值须在0到100之间");
        task.Kpis.ShouldBeEmpty();
    }

    [Fact]
    public void A_deliverable_keeps_the_documents_name_without_its_brackets()
    {
        var deliverable = Task().AddDeliverable("《日喀则市建筑垃圾管理办法》", DeliverableAction.Draft);

        deliverable.Name.ShouldBe("日喀则市建筑垃圾管理办法");
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(25, "二十五")]
    public void Headings_are_numbered_in_chinese(int value, string expected)
    {
        ChineseNumerals.Format(value).ShouldBe(expected);
        ChineseNumerals.ParseSmall(expected).ShouldBe(value);
    }
}

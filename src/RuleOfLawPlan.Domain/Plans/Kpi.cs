using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>A quantitative target written into a task (社会满意度达90%以上, 办复率达100%, 双下降…).</summary>
public sealed class Kpi
{
    private Kpi() { }

    internal Kpi(string name, string sourceSentence, KpiComparator comparator, decimal? target, string unit, KpiKind kind)
    {
        if (!Enum.IsDefined(comparator)) throw new DomainException("指标比较方式无效");
        if (!Enum.IsDefined(kind)) throw new DomainException("指标类型无效");
        if (kind == KpiKind.YearOnYearCount)
        {
            if (comparator != KpiComparator.DecreaseYearOnYear) throw new DomainException("同比指标只能按“比上年下降”考核");
            if (target is not null) throw new DomainException("同比指标没有目标值，与上年数比较");
        }
        else
        {
            if (comparator == KpiComparator.DecreaseYearOnYear) throw new DomainException("只有同比计数指标可以按“比上年下降”考核");
            if (target is null) throw new DomainException("请填写指标目标值");
            if (target is < 0 or > 100) throw new DomainException("百分比目标值须在0到100之间");
        }

        Name = Guard.Text(name, 200, "指标名称");
        SourceSentence = Guard.OptionalText(sourceSentence, 2_000, "指标原文");
        Comparator = comparator;
        Target = target;
        Unit = Guard.OptionalText(unit, 20, "单位");
        Kind = kind;
    }

    public int Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The sentence of the plan the target was read from.</summary>
    public string SourceSentence { get; private set; } = "";

    public KpiComparator Comparator { get; private set; }
    public decimal? Target { get; private set; }
    public string Unit { get; private set; } = "";
    public KpiKind Kind { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    /// <summary>
    /// Whether a reading meets the target. For a ratio the reading is numerator / denominator as a percentage
    /// (see <see cref="RatioPercent"/>); for a year-on-year count it is this year's count and
    /// <paramref name="lastYear"/> is required.
    /// </summary>
    public bool IsMetBy(decimal value, decimal? lastYear = null) => Comparator switch
    {
        KpiComparator.AtLeast => value >= Target,
        KpiComparator.AtMost => value <= Target,
        KpiComparator.Equal => value == Target,
        KpiComparator.DecreaseYearOnYear => lastYear is { } previous
            ? value < previous
            : throw new DomainException("同比指标需要上年数"),
        _ => false,
    };

    /// <summary>法制审核人员 5 of 80 执法人员 → 6.25 (%).</summary>
    public static decimal RatioPercent(int numerator, int denominator)
    {
        if (numerator < 0) throw new DomainException("分子不能为负数");
        if (denominator <= 0) throw new DomainException("分母须大于0");
        return Math.Round(numerator * 100m / denominator, 2);
    }
}

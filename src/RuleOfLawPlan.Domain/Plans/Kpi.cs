using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>A quantitative target written into a task (社会满意度达90%以上, 办复率达100%, 双下降…).</summary>
public sealed class Kpi : IAggregatePart<PlanTask>
{
    private readonly List<KpiReading> _readings = [];

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

    public IReadOnlyList<KpiReading> Readings => _readings;

    /// <summary>
    /// Whether a reading meets the target. For a ratio the reading is numerator / denominator as a percentage
    /// (see <see cref="RatioPercent"/>); for a year-on-year count it is this year's count and
    /// <paramref name="lastYear"/> is required.
    /// </summary>
    public bool IsMetBy(decimal value, decimal? lastYear = null) => IsMet(Comparator, Target, value, lastYear);

    /// <summary>
    /// The rule of <see cref="IsMetBy"/> for pages that read a KPI's target and its latest reading's figures in one
    /// query (<see cref="KpiReading.ValueOf"/>) rather than loading the entities.
    /// </summary>
    public static bool IsMet(KpiComparator comparator, decimal? target, decimal value, decimal? lastYear) => comparator switch
    {
        KpiComparator.AtLeast => value >= target,
        KpiComparator.AtMost => value <= target,
        KpiComparator.Equal => value == target,
        KpiComparator.DecreaseYearOnYear => lastYear is { } previous
            ? value < previous
            : throw new DomainException("同比指标需要上年数"),
        _ => false,
    };

    /// <summary>达标 / 未达标 / 无数据 from a KPI's target and the figures of the reading that stands (none: 无数据).</summary>
    public static KpiAttainment Evaluate(KpiComparator comparator, decimal? target, decimal? value, decimal? lastYear) =>
        value is not { } reading ? KpiAttainment.NoData
        : IsMet(comparator, target, reading, lastYear) ? KpiAttainment.Met
        : KpiAttainment.NotMet;

    /// <summary>
    /// Adds a reading after checking it has exactly the figures this KPI's kind needs: a percentage
    /// (0–100, two decimals at most); a ratio's part and whole (whole above zero, part not above it); or
    /// this year's and last year's counts (not negative). Reached through <see cref="PlanTask.RecordKpiReading"/>,
    /// which checks the plan is being carried out.
    /// </summary>
    internal KpiReading RecordReading(DateOnly asOf, decimal? percent, int? numerator, int? denominator,
        int? thisYearCount, int? lastYearCount, string source, string recordedBy, DateTimeOffset recordedAt)
    {
        switch (Kind)
        {
            case KpiKind.Percentage:
                if (numerator is not null || denominator is not null || thisYearCount is not null || lastYearCount is not null)
                    throw new DomainException("百分比指标只填写百分比");
                if (percent is not { } value) throw new DomainException("请填写百分比");
                if (value is < 0 or > 100) throw new DomainException("百分比须在0到100之间");
                if (decimal.Round(value, 2) != value) throw new DomainException("百分比最多保留两位小数");
                break;
            case KpiKind.Ratio:
                if (percent is not null || thisYearCount is not null || lastYearCount is not null)
                    throw new DomainException("比例指标只填写分子和分母");
                if (numerator is not { } part || denominator is not { } whole) throw new DomainException("请填写分子和分母");
                if (part < 0) throw new DomainException("分子不能为负数");
                if (whole <= 0) throw new DomainException("分母须大于0");
                if (part > whole) throw new DomainException("分子不能大于分母");
                break;
            case KpiKind.YearOnYearCount:
                if (percent is not null || numerator is not null || denominator is not null)
                    throw new DomainException("同比指标只填写本年数和上年数");
                if (thisYearCount is not { } thisYear || lastYearCount is not { } lastYear)
                    throw new DomainException("请填写本年数和上年数");
                if (thisYear < 0 || lastYear < 0) throw new DomainException("计数不能为负数");
                break;
        }

        var reading = new KpiReading(asOf, percent, numerator, denominator, thisYearCount, lastYearCount,
            Guard.Text(source, 500, "数据来源"), Guard.Text(recordedBy, ProgressUpdate.MaxRecordedByLength, "填报人"), recordedAt.ToUniversalTime());
        _readings.Add(reading);
        return reading;
    }

    /// <summary>The reading that stands on a day: the latest as of that day or earlier, then the latest recorded.</summary>
    public KpiReading? LatestReading(DateOnly asOf) =>
        _readings
            .Select((reading, index) => (reading, index))
            .Where(x => x.reading.AsOf <= asOf)
            .OrderBy(x => x.reading.AsOf).ThenBy(x => x.reading.RecordedAt).ThenBy(x => x.index)
            .Select(x => x.reading)
            .LastOrDefault();

    /// <summary>达标 / 未达标 / 无数据 on a day, from the reading that stands then.</summary>
    public KpiAttainment Evaluate(DateOnly asOf) => LatestReading(asOf) is { } reading
        ? Evaluate(Comparator, Target, reading.Value, reading.LastYearCount)
        : KpiAttainment.NoData;

    /// <summary>法制审核人员 5 of 80 执法人员 → 6.25 (%), rounded for display; rules compare <see cref="KpiReading.Value"/>.</summary>
    public static decimal RatioPercent(int numerator, int denominator)
    {
        if (numerator < 0) throw new DomainException("分子不能为负数");
        if (denominator <= 0) throw new DomainException("分母须大于0");
        return Math.Round(numerator * 100m / denominator, 2);
    }
}

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// 指标数据: a KPI's figures as of a date (截至日期) — a percentage, a ratio's two counts, or this year's and
/// last year's counts, by the KPI's kind — with where they come from (数据来源). Readings are never edited:
/// a later reading for the same date is the correction, and the earlier one stays in the history.
/// </summary>
public sealed class KpiReading : IAggregatePart<Kpi>
{
    private KpiReading() { }

    internal KpiReading(DateOnly asOf, decimal? percent, int? numerator, int? denominator, int? thisYearCount,
        int? lastYearCount, string source, string recordedBy, DateTimeOffset recordedAt)
    {
        AsOf = asOf;
        Percent = percent;
        Numerator = numerator;
        Denominator = denominator;
        ThisYearCount = thisYearCount;
        LastYearCount = lastYearCount;
        Source = source;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public int KpiId { get; private set; }

    /// <summary>截至日期: the day the figures stand at (a month's end, the year's end…).</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>For a <see cref="KpiKind.Percentage"/> KPI: the percentage read (0–100, two decimals at most).</summary>
    public decimal? Percent { get; private set; }

    /// <summary>For a <see cref="KpiKind.Ratio"/> KPI: the part (法制审核人员数).</summary>
    public int? Numerator { get; private set; }

    /// <summary>For a <see cref="KpiKind.Ratio"/> KPI: the whole (执法人员总数), above zero.</summary>
    public int? Denominator { get; private set; }

    /// <summary>For a <see cref="KpiKind.YearOnYearCount"/> KPI: this year's count.</summary>
    public int? ThisYearCount { get; private set; }

    /// <summary>For a <see cref="KpiKind.YearOnYearCount"/> KPI: last year's count for the same period.</summary>
    public int? LastYearCount { get; private set; }

    /// <summary>数据来源: the register, report or system the figures were taken from.</summary>
    public string Source { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// The value compared with the target: the percentage, the ratio as an unrounded percentage, or this
    /// year's count. Unrounded so that 4 999 of 100 000 stays below 5 % (<see cref="Kpi.RatioPercent"/> is for display).
    /// </summary>
    public decimal Value => ValueOf(Percent, Numerator, Denominator, ThisYearCount);

    /// <summary><see cref="Value"/> from a reading's figures as a query projected them.</summary>
    public static decimal ValueOf(decimal? percent, int? numerator, int? denominator, int? thisYearCount) =>
        (percent, numerator, denominator, thisYearCount) switch
        {
            ({ } p, _, _, _) => p,
            (_, { } part, { } whole, _) when whole > 0 => part * 100m / whole,
            (_, _, _, { } count) => count,
            _ => throw new InvalidOperationException("A reading holds the figures of its KPI's kind."),
        };
}

namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>
/// 报送周期: one month's reporting period, named for the month of its cut-off (截止日). It runs from the day
/// after the previous month's cut-off to this month's cut-off, both included: "2023年6月" with cut-off day 25
/// is 5月26日–6月25日, reported by 6月25日.
/// </summary>
public sealed record ReportingPeriod
{
    internal ReportingPeriod(int year, int month, DateOnly start, DateOnly cutOff)
    {
        Year = year;
        Month = month;
        Start = start;
        CutOff = cutOff;
    }

    public int Year { get; }
    public int Month { get; }
    public DateOnly Start { get; }

    /// <summary>截止日: the last day to report for this period.</summary>
    public DateOnly CutOff { get; }

    public bool Contains(DateOnly date) => Start <= date && date <= CutOff;
}

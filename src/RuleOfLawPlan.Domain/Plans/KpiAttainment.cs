namespace RuleOfLawPlan.Domain.Plans;

/// <summary>Where a KPI stands against its target on a day, from its latest reading.</summary>
public enum KpiAttainment
{
    /// <summary>无数据: no reading as of that day.</summary>
    NoData = 1,
    /// <summary>达标.</summary>
    Met = 2,
    /// <summary>未达标.</summary>
    NotMet = 3,
}

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>How a KPI reading is compared with its target.</summary>
public enum KpiComparator
{
    /// <summary>≥ target (达…以上, 不少于…).</summary>
    AtLeast = 1,
    /// <summary>≤ target (不超过…).</summary>
    AtMost = 2,
    /// <summary>= target (达100%, 全覆盖).</summary>
    Equal = 3,
    /// <summary>Lower than the previous year's value (下降, "双下降").</summary>
    DecreaseYearOnYear = 4,
}

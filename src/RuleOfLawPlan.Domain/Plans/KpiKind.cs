namespace RuleOfLawPlan.Domain.Plans;

/// <summary>What a KPI measures.</summary>
public enum KpiKind
{
    /// <summary>A percentage read directly (满意度 90%).</summary>
    Percentage = 1,
    /// <summary>A ratio of two counts expressed as a percentage (法制审核人员 / 执法人员总数 ≥ 5%).</summary>
    Ratio = 2,
    /// <summary>A count compared with the same count last year (行政诉讼案件数 双下降).</summary>
    YearOnYearCount = 3,
}

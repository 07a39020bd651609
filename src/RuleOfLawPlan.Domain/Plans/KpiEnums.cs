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

/// <summary>What the plan asks to be done to a named document (《…》).</summary>
public enum DeliverableAction
{
    /// <summary>修改 / 修订: revise an existing regulation or document.</summary>
    Revise = 1,
    /// <summary>起草 / 出台 / 制定: draft and issue a new one.</summary>
    Draft = 2,
}

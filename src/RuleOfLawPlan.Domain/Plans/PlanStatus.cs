namespace RuleOfLawPlan.Domain.Plans;

/// <summary>草稿 → 执行中 → 已结束 (and back to 执行中 when a closed plan must be corrected).</summary>
public enum PlanStatus
{
    Draft = 1,
    Active = 2,
    Closed = 3,
}

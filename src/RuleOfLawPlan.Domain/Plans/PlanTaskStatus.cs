namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// 未开始 → 推进中 → 已完成 (办结), read from the lead section's accepted figure (<see cref="PlanTask.StatusFor"/>);
/// a completed task is taken up again when a lower figure from the lead is accepted.
/// </summary>
public enum PlanTaskStatus
{
    NotStarted = 1,
    InProgress = 2,
    Completed = 3,
}

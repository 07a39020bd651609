namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>三色督办: a task's light. Numbered from the most to the least urgent, so ordering by it sorts a list for the office.</summary>
public enum SupervisionLight
{
    /// <summary>红灯: overdue and not done.</summary>
    Red = 1,
    /// <summary>黄灯: behind the expected progress, or no accepted update for the last reporting period.</summary>
    Yellow = 2,
    /// <summary>蓝灯: the deadline is near.</summary>
    Blue = 3,
    /// <summary>绿灯: on track.</summary>
    Green = 4,
    /// <summary>已办结.</summary>
    Done = 5,
}

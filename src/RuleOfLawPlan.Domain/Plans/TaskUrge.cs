namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// 催办: the office presses the task's sections to act, with a note. Kept as written, in the task's history;
/// the sections' heads hear of it through their notifications.
/// </summary>
public sealed class TaskUrge : IAggregatePart<PlanTask>
{
    private TaskUrge() { }

    internal TaskUrge(string note, string urgedBy, DateTimeOffset at)
    {
        Note = note;
        UrgedBy = urgedBy;
        UrgedAt = at;
    }

    public long Id { get; private set; }
    public int PlanTaskId { get; private set; }

    /// <summary>催办事项: what the office asks for.</summary>
    public string Note { get; private set; } = "";

    /// <summary>催办人.</summary>
    public string UrgedBy { get; private set; } = "";

    /// <summary>催办时间 (UTC).</summary>
    public DateTimeOffset UrgedAt { get; private set; }
}

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// 批示: a leader's instruction on a task. It stays open (未办结) until the lead section answers it
/// with its 办理情况; an answer is given once and kept as written.
/// </summary>
public sealed class Instruction : IAggregatePart<PlanTask>
{
    private Instruction() { }

    internal Instruction(string text, string leader, DateTimeOffset at)
    {
        Text = text;
        Leader = leader;
        IssuedAt = at;
    }

    public long Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public string Text { get; private set; } = "";
    public string Leader { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>办理情况: what the lead section did about it; null while open.</summary>
    public string? Answer { get; private set; }

    /// <summary>The section that answered (the task's lead section at the time).</summary>
    public int? AnsweredBySectionId { get; private set; }

    /// <summary>答复人.</summary>
    public string? AnsweredBy { get; private set; }

    /// <summary>答复时间 (UTC).</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    internal void RecordAnswer(int sectionId, string answer, string answeredBy, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainException("该批示已答复，不能重复答复");
        Answer = answer;
        AnsweredBySectionId = sectionId;
        AnsweredBy = answeredBy;
        AnsweredAt = at.ToUniversalTime();
    }
}

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>工作台账: what a section reported for a task, as of a date.</summary>
public sealed class ProgressUpdate
{
    private ProgressUpdate() { }

    internal ProgressUpdate(int sectionId, DateOnly asOf, int percent, string summary, string recordedBy, DateTimeOffset recordedAt)
    {
        SectionId = sectionId;
        AsOf = asOf;
        Percent = percent;
        Summary = summary;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public int SectionId { get; private set; }
    public DateOnly AsOf { get; private set; }
    public int Percent { get; private set; }
    public string Summary { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>批示: a leader's instruction on a task.</summary>
public sealed class Instruction
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
}

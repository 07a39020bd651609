namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// 工作台账: what a section reported for a task, as of a date. What was reported is never edited:
/// a correction is a new update that <see cref="SupersedesId">supersedes</see> this one, and both stay
/// in the history. Only the office's review (审核) and the superseded mark change after recording.
/// </summary>
public sealed class ProgressUpdate : IAggregatePart<PlanTask>
{
    /// <summary>The most a 填报人 holds, of an update as of a KPI reading: a person's name or title.</summary>
    public const int MaxRecordedByLength = 100;

    private ProgressUpdate() { }

    internal ProgressUpdate(int sectionId, DateOnly asOf, int percent, string summary, string recordedBy,
        DateTimeOffset recordedAt, long? supersedesId)
    {
        SectionId = sectionId;
        AsOf = asOf;
        Percent = percent;
        Summary = summary;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        SupersedesId = supersedesId;
        Review = ReviewState.Pending;
    }

    public long Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public int SectionId { get; private set; }
    public DateOnly AsOf { get; private set; }
    public int Percent { get; private set; }
    public string Summary { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The update of the same section on the same task that this one corrects (更正), if any.</summary>
    public long? SupersedesId { get; private set; }

    /// <summary>A later update corrects this one; it stays in the history and is no longer reviewed.</summary>
    public bool IsSuperseded { get; private set; }

    public ReviewState Review { get; private set; }

    /// <summary>退回意见: why the office sent it back; null unless returned.</summary>
    public string? ReviewComment { get; private set; }

    /// <summary>审核人.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>审核时间 (UTC).</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    public bool IsAccepted => Review == ReviewState.Accepted;

    internal void Accept(string reviewer, DateTimeOffset at) => Decide(ReviewState.Accepted, null, reviewer, at);

    internal void Return(string comment, string reviewer, DateTimeOffset at) => Decide(ReviewState.Returned, comment, reviewer, at);

    internal void MarkSuperseded() => IsSuperseded = true;

    private void Decide(ReviewState decision, string? comment, string reviewer, DateTimeOffset at)
    {
        if (Review != ReviewState.Pending) throw new DomainException("该条进展已审核，不能重复审核");
        if (IsSuperseded) throw new DomainException("该条进展已被更正，请审核更正后的进展");
        Review = decision;
        ReviewComment = comment;
        ReviewedBy = reviewer;
        ReviewedAt = at.ToUniversalTime();
    }
}

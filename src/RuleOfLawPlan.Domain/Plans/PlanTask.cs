using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>未开始 → 推进中 → 已完成; a completed task can be taken up again.</summary>
public enum PlanTaskStatus
{
    NotStarted = 1,
    InProgress = 2,
    Completed = 3,
}

/// <summary>
/// One task of a key-work area: its lead sentence is the title, the rest is the body.
/// Assignment (牵头/配合, 责任领导, 完成时限, 预期成果) is the office's; progress is the sections'.
/// </summary>
public sealed class PlanTask
{
    private readonly List<TaskSupport> _supports = [];
    private readonly List<Kpi> _kpis = [];
    private readonly List<Deliverable> _deliverables = [];
    private readonly List<ProgressUpdate> _updates = [];
    private readonly List<Instruction> _instructions = [];

    private PlanTask() { }

    internal PlanTask(KeyArea area, int? number, int sortOrder, string title, string body)
    {
        Area = area;
        Plan = area.Plan;
        SortOrder = sortOrder;
        Status = PlanTaskStatus.NotStarted;
        SetText(number, title, body);
    }

    public int Id { get; private set; }
    public int WorkPlanId { get; private set; }
    public WorkPlan Plan { get; private set; } = null!;
    public int KeyAreaId { get; private set; }
    public KeyArea Area { get; private set; } = null!;

    /// <summary>The number printed in the plan ("1."), or null for an area tracked as one task.</summary>
    public int? Number { get; private set; }

    public int SortOrder { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>牵头科室.</summary>
    public int? LeadSectionId { get; private set; }

    /// <summary>责任领导, as written (e.g. "分管副局长").</summary>
    public string? ResponsibleLeader { get; private set; }

    /// <summary>完成时限; null means 常态化 (ongoing all year).</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>预期成果.</summary>
    public string? ExpectedOutcome { get; private set; }

    public PlanTaskStatus Status { get; private set; }
    public int PercentComplete { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    /// <summary>配合科室.</summary>
    public IReadOnlyList<TaskSupport> Supports => _supports;
    public IReadOnlyList<Kpi> Kpis => _kpis;
    public IReadOnlyList<Deliverable> Deliverables => _deliverables;
    public IReadOnlyList<ProgressUpdate> Updates => _updates;
    public IReadOnlyList<Instruction> Instructions => _instructions;

    public bool IsOngoing => Deadline is null;

    public void SetText(int? number, string title, string body)
    {
        EnsureEditable();
        if (number is <= 0) throw new DomainException("任务序号须为正整数");
        Number = number;
        Title = Guard.Text(title, 500, "任务标题");
        Body = Guard.OptionalText(body, 20_000, "任务内容");
    }

    /// <summary>任务分解: who leads, who supports, who answers for it, by when, with what result.</summary>
    public void Assign(int? leadSectionId, IEnumerable<int> supportingSectionIds, string? responsibleLeader,
        DateOnly? deadline, string? expectedOutcome)
    {
        EnsureEditable();
        var supporting = supportingSectionIds.Distinct().ToList();
        if (leadSectionId is int lead && supporting.Contains(lead))
            throw new DomainException("牵头科室不能同时作为配合科室");
        if (supporting.Count > 0 && leadSectionId is null)
            throw new DomainException("请先指定牵头科室，再指定配合科室");

        LeadSectionId = leadSectionId;
        _supports.RemoveAll(s => !supporting.Contains(s.SectionId));
        foreach (var id in supporting.Where(id => _supports.All(s => s.SectionId != id)))
            _supports.Add(new TaskSupport(id));
        ResponsibleLeader = string.IsNullOrWhiteSpace(responsibleLeader) ? null : Guard.Text(responsibleLeader, 100, "责任领导");
        Deadline = deadline;
        ExpectedOutcome = string.IsNullOrWhiteSpace(expectedOutcome) ? null : Guard.Text(expectedOutcome, 2_000, "预期成果");
    }

    /// <summary>Whether the section leads or supports this task (and so may report on it).</summary>
    public bool Involves(int sectionId) =>
        LeadSectionId == sectionId || _supports.Any(s => s.SectionId == sectionId);

    /// <summary>
    /// A section reports where the task stands. The lead section's figure is the task's figure;
    /// a supporting section's report is kept as its own progress and leaves the task's figure alone.
    /// </summary>
    public ProgressUpdate RecordProgress(int sectionId, DateOnly asOf, int percent, string summary,
        string recordedBy, DateTimeOffset recordedAt)
    {
        EnsureEditable();
        if (Plan.Status != PlanStatus.Active) throw new DomainException("计划尚未下达执行，不能填报进展");
        if (!Involves(sectionId)) throw new DomainException("只有牵头或配合科室可以填报本任务进展");
        if (percent is < 0 or > 100) throw new DomainException("完成进度须在0到100之间");

        var update = new ProgressUpdate(sectionId, asOf, percent, Guard.Text(summary, 4_000, "工作进展"),
            Guard.Text(recordedBy, 100, "填报人"), recordedAt.ToUniversalTime());
        _updates.Add(update);

        if (sectionId == LeadSectionId)
        {
            PercentComplete = percent;
            Status = percent switch
            {
                100 => PlanTaskStatus.Completed,
                0 when Status == PlanTaskStatus.NotStarted => PlanTaskStatus.NotStarted,
                _ => PlanTaskStatus.InProgress,
            };
        }

        return update;
    }

    /// <summary>办结: the lead section's work is done.</summary>
    public void Complete()
    {
        EnsureEditable();
        if (Status == PlanTaskStatus.Completed) throw new DomainException("任务已经办结");
        Status = PlanTaskStatus.Completed;
        PercentComplete = 100;
    }

    /// <summary>Take a completed task up again (e.g. the office did not accept the result).</summary>
    public void Reopen(int percent)
    {
        EnsureEditable();
        if (Status != PlanTaskStatus.Completed) throw new DomainException("只有已完成的任务可以重新打开");
        if (percent is < 0 or > 99) throw new DomainException("重新打开后的进度须在0到99之间");
        Status = PlanTaskStatus.InProgress;
        PercentComplete = percent;
    }

    /// <summary>批示: a leader's instruction on the task.</summary>
    public Instruction AddInstruction(string text, string leader, DateTimeOffset at)
    {
        EnsureEditable();
        var instruction = new Instruction(Guard.Text(text, 2_000, "批示内容"), Guard.Text(leader, 100, "批示人"), at.ToUniversalTime());
        _instructions.Add(instruction);
        return instruction;
    }

    public Kpi AddKpi(string name, string sourceSentence, KpiComparator comparator, decimal? target, string unit, KpiKind kind)
    {
        EnsureEditable();
        var kpi = new Kpi(name, sourceSentence, comparator, target, unit, kind);
        _kpis.Add(kpi);
        return kpi;
    }

    public Deliverable AddDeliverable(string name, DeliverableAction action)
    {
        EnsureEditable();
        var deliverable = new Deliverable(name, action);
        _deliverables.Add(deliverable);
        return deliverable;
    }

    private void EnsureEditable()
    {
        // Plan is null only while EF materializes; every public path runs on a loaded task.
        if (Plan is null) throw new InvalidOperationException("Load the task's plan before changing the task.");
        Plan.EnsureEditable();
    }
}

/// <summary>配合科室: a section that supports a task.</summary>
public sealed class TaskSupport
{
    private TaskSupport() { }

    internal TaskSupport(int sectionId) => SectionId = sectionId;

    public int PlanTaskId { get; private set; }
    public int SectionId { get; private set; }
}

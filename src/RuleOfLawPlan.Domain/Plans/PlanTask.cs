using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// One task of a key-work area: its lead sentence is the title, the rest is the body.
/// Assignment (牵头/配合, 责任领导, 完成时限, 预期成果) is the office's; progress is the sections'.
/// </summary>
public sealed partial class PlanTask : IAggregateRoot
{
    private readonly List<TaskSupport> _supports = [];
    private readonly List<Kpi> _kpis = [];
    private readonly List<Deliverable> _deliverables = [];
    private readonly List<ProgressUpdate> _updates = [];
    private readonly List<Instruction> _instructions = [];
    private readonly List<TaskUrge> _urges = [];
    private readonly List<EvidenceFile> _evidence = [];

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

    /// <summary>催办 the office sent.</summary>
    public IReadOnlyList<TaskUrge> Urges => _urges;
    /// <summary>佐证材料 of the task's updates and KPI readings.</summary>
    public IReadOnlyList<EvidenceFile> Evidence => _evidence;

    public bool IsOngoing => Deadline is null;

    public void SetText(int? number, string title, string body)
    {
        EnsureEditable();
        if (number is <= 0) throw new DomainException("任务序号须为正整数");
        Number = number;
        Title = Guard.Text(title, 500, "任务标题");
        Body = Guard.OptionalText(body, 20_000, "任务内容", multiline: true);
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
        ResponsibleLeader = Guard.NullableText(responsibleLeader, 100, "责任领导");
        Deadline = deadline;
        ExpectedOutcome = Guard.NullableText(expectedOutcome, 2_000, "预期成果", multiline: true);
    }

    /// <summary>Whether the section leads or supports this task (and so may report on it).</summary>
    public bool Involves(int sectionId) =>
        LeadSectionId == sectionId || _supports.Any(s => s.SectionId == sectionId);

    /// <summary>
    /// 填报进展: a section reports where the task stands. The update waits for the office's review (待审核)
    /// and moves no figure until it is accepted. A correction (更正) names the update it supersedes:
    /// one of the same section on this task that has no correction yet — pending, returned or accepted.
    /// An accepted update may be corrected too (a bureau's figures are fixed, not hidden): it stays the
    /// section's figure until the correction is accepted. A superseded pending update is no longer reviewed.
    /// </summary>
    public ProgressUpdate RecordProgress(int sectionId, DateOnly asOf, int percent, string summary,
        string recordedBy, DateTimeOffset recordedAt, long? supersedesId = null)
    {
        EnsureEditable();
        if (Plan.Status != PlanStatus.Active) throw new DomainException("计划尚未下达执行，不能填报进展");
        if (!Involves(sectionId)) throw new DomainException("只有牵头或配合科室可以填报本任务进展");
        if (percent is < 0 or > 100) throw new DomainException("完成进度须在0到100之间");

        ProgressUpdate? corrected = null;
        if (supersedesId is long id)
        {
            corrected = FindUpdate(id, "找不到要更正的进展");
            if (corrected.SectionId != sectionId) throw new DomainException("只能更正本科室填报的进展");
            if (corrected.IsSuperseded) throw new DomainException("该条进展已被更正，请在最新的一条上更正");
        }

        var update = new ProgressUpdate(sectionId, asOf, percent, Guard.Text(summary, 4_000, "工作进展", multiline: true),
            Guard.Text(recordedBy, ProgressUpdate.MaxRecordedByLength, "填报人"), recordedAt.ToUniversalTime(), supersedesId);
        corrected?.MarkSuperseded();
        _updates.Add(update);
        return update;
    }

    /// <summary>
    /// 采纳: the office accepts a pending update. If it is the lead section's latest accepted update it becomes
    /// the task's figure; an accepted 100 % from the lead is 办结 (the task is completed).
    /// </summary>
    public void AcceptUpdate(long updateId, string reviewer, DateTimeOffset at)
    {
        EnsureEditable();
        FindUpdate(updateId, "找不到该条进展").Accept(Guard.Text(reviewer, 100, "审核人"), at);
        RefreshFigure();
    }

    /// <summary>退回: the office sends a pending update back with its comment; no figure moves.</summary>
    public void ReturnUpdate(long updateId, string comment, string reviewer, DateTimeOffset at)
    {
        EnsureEditable();
        var update = FindUpdate(updateId, "找不到该条进展");
        update.Return(Guard.Text(comment, 1_000, "退回意见", multiline: true), Guard.Text(reviewer, 100, "审核人"), at);
    }

    /// <summary>
    /// A section's figure: its accepted update with the latest as-of date (then the latest recorded) among
    /// those no accepted correction replaces. With <paramref name="asOf"/>, only updates as of that day or
    /// earlier count. Null when the section has nothing accepted.
    /// </summary>
    public ProgressUpdate? CurrentUpdate(int sectionId, DateOnly? asOf = null) =>
        _updates
            .Select((update, index) => (update, index))
            .Where(x => x.update.SectionId == sectionId && x.update.IsAccepted && (asOf is null || x.update.AsOf <= asOf)
                && !ReplacedByAcceptedCorrection(x.update))
            .OrderBy(x => x.update.AsOf).ThenBy(x => x.update.RecordedAt).ThenBy(x => x.index)
            .Select(x => x.update)
            .LastOrDefault();

    /// <summary>The status a lead figure means: nothing done is 未开始, 100 % accepted is 办结.</summary>
    public static PlanTaskStatus StatusFor(int percent) => percent switch
    {
        0 => PlanTaskStatus.NotStarted,
        100 => PlanTaskStatus.Completed,
        _ => PlanTaskStatus.InProgress,
    };

    /// <summary>批示: a leader's instruction on the task.</summary>
    public Instruction AddInstruction(string text, string leader, DateTimeOffset at)
    {
        EnsureEditable();
        var instruction = new Instruction(Guard.Text(text, 2_000, "批示内容", multiline: true), Guard.Text(leader, 100, "批示人"), at.ToUniversalTime());
        _instructions.Add(instruction);
        return instruction;
    }

    /// <summary>答复批示: the lead section reports its 办理情况; the 批示 is then no longer open.</summary>
    public void AnswerInstruction(long instructionId, int sectionId, string answer, string answeredBy, DateTimeOffset at)
    {
        EnsureEditable();
        var instruction = _instructions.FirstOrDefault(i => instructionId > 0 && i.Id == instructionId)
            ?? throw new DomainException("找不到该条批示");
        if (sectionId != LeadSectionId) throw new DomainException("只有牵头科室可以答复批示");
        instruction.RecordAnswer(sectionId, Guard.Text(answer, 4_000, "办理情况", multiline: true), Guard.Text(answeredBy, 100, "答复人"), at);
    }

    /// <summary>
    /// 催办: the office presses the sections of a task under way. A task nobody is assigned to has no one to press,
    /// and a completed one needs no pressing.
    /// </summary>
    public TaskUrge Urge(string note, string urgedBy, DateTimeOffset at)
    {
        EnsureEditable();
        if (Plan.Status != PlanStatus.Active) throw new DomainException("计划尚未下达执行，不能催办");
        if (LeadSectionId is null) throw new DomainException("任务尚未指定牵头科室，无法催办");
        if (Status == PlanTaskStatus.Completed) throw new DomainException("任务已办结，无需催办");
        var urge = new TaskUrge(Guard.Text(note, 1_000, "催办事项", multiline: true), Guard.Text(urgedBy, 100, "催办人"), at.ToUniversalTime());
        _urges.Add(urge);
        return urge;
    }

    private ProgressUpdate FindUpdate(long id, string notFound) =>
        _updates.FirstOrDefault(u => id > 0 && u.Id == id) ?? throw new DomainException(notFound);

    /// <summary>
    /// Whether a correction of this update, or of one of its corrections, was accepted. Only the newest
    /// update of a chain can be corrected, so each update has at most one correction.
    /// </summary>
    private bool ReplacedByAcceptedCorrection(ProgressUpdate update)
    {
        for (var next = CorrectionOf(update); next is not null; next = CorrectionOf(next))
            if (next.IsAccepted) return true;
        return false;
    }

    private ProgressUpdate? CorrectionOf(ProgressUpdate update) =>
        update.Id > 0 ? _updates.FirstOrDefault(u => u.SupersedesId == update.Id) : null;

    private void RefreshFigure()
    {
        PercentComplete = LeadSectionId is int lead ? CurrentUpdate(lead)?.Percent ?? 0 : 0;
        Status = StatusFor(PercentComplete);
    }

    private void EnsureEditable()
    {
        // Plan is null only while EF materializes; every public path runs on a loaded task.
        if (Plan is null) throw new InvalidOperationException("Load the task's plan before changing the task.");
        Plan.EnsureEditable();
    }
}

using System.ComponentModel.DataAnnotations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Activities;

/// <summary>
/// 领导履职台账: one entry of the register the office keeps of what the bureau's leaders did for the rule of law in a plan's
/// year — a meeting that heard rule-of-law work, a study session, 述法, a legality review — with who chaired it, what it
/// did, its 佐证材料 and the plan's tasks it served. Part 三 of the annual report is drafted from these entries.
/// An entry is its own aggregate: the office records entries while sections change tasks.
/// </summary>
public sealed class LeadershipActivity : IAggregateRoot
{
    public const int MaxTitleLength = 200;
    public const int MaxChairedByLength = 100;
    public const int MaxSummaryLength = 4_000;

    /// <summary>A register entry backs its point with a few documents (minutes, sign-in sheet, photos), not an archive.</summary>
    public const int MaxFiles = 20;

    private readonly List<ActivityEvidenceFile> _evidence = [];
    private readonly List<ActivityTaskLink> _tasks = [];

    private LeadershipActivity() { }

    /// <summary>Records an entry in the register of <paramref name="plan"/>; see <see cref="Revise"/> for the rules.</summary>
    public LeadershipActivity(WorkPlan plan, LeadershipActivityKind kind, DateOnly heldOn, string title, string chairedBy,
        string summary, IReadOnlyCollection<PlanTask> linkedTasks, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        WorkPlanId = plan.Id;
        RecordedBy = Guard.Text(recordedBy, 100, "登记人");
        RecordedAt = recordedAt.ToUniversalTime();
        Revise(kind, heldOn, title, chairedBy, summary, linkedTasks);
    }

    public int Id { get; private set; }
    public int WorkPlanId { get; private set; }
    public WorkPlan Plan { get; private set; } = null!;
    public LeadershipActivityKind Kind { get; private set; }

    /// <summary>The day it was held (a review: the day its opinion was given).</summary>
    public DateOnly HeldOn { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>主持人 (a review: 审查人), as written, e.g. "局党组书记、局长 某某".</summary>
    public string ChairedBy { get; private set; } = "";

    /// <summary>What it heard, studied, reported or decided: the sentences part 三 of the report starts from.</summary>
    public string Summary { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    public IReadOnlyList<ActivityEvidenceFile> Evidence => _evidence;

    /// <summary>The plan's tasks the entry served (usually of areas (一)(二), but any task of the plan).</summary>
    public IReadOnlyList<ActivityTaskLink> Tasks => _tasks;

    /// <summary>
    /// Changes what the entry says. The day falls in the plan's year (the register is the year's); linked tasks are the
    /// plan's own. The plan must not be closed.
    /// </summary>
    public void Revise(LeadershipActivityKind kind, DateOnly heldOn, string title, string chairedBy, string summary,
        IReadOnlyCollection<PlanTask> linkedTasks)
    {
        ArgumentNullException.ThrowIfNull(linkedTasks);
        EnsureEditable();
        if (!Enum.IsDefined(kind)) throw new DomainException("请选择活动类型");
        if (heldOn.Year != Plan.Year) throw new DomainException($"活动日期须在{Plan.Year}年内");
        if (linkedTasks.Any(t => t.WorkPlanId != WorkPlanId)) throw new DomainException("只能关联本年度计划的任务");
        Kind = kind;
        HeldOn = heldOn;
        Title = Guard.Text(title, MaxTitleLength, "活动名称");
        ChairedBy = Guard.Text(chairedBy, MaxChairedByLength, "主持人");
        Summary = Guard.Text(summary, MaxSummaryLength, "主要内容", multiline: true);
        var ids = linkedTasks.Select(t => t.Id).ToHashSet();
        _tasks.RemoveAll(l => !ids.Contains(l.PlanTaskId));
        foreach (var id in ids.Where(id => _tasks.All(l => l.PlanTaskId != id)))
            _tasks.Add(new ActivityTaskLink(id));
    }

    /// <summary>
    /// 佐证材料 (minutes, sign-in sheets, photos) of the entry. Unlike a progress update, an entry may gain files after it
    /// was recorded: minutes are often signed days after the meeting. Kind, size and hash come from the caller's check
    /// of the bytes it stores beside the file (<see cref="EvidenceFormats.Check"/>).
    /// </summary>
    public ActivityEvidenceFile AttachEvidence(string fileName, EvidenceKind kind, long length, string sha256,
        string uploadedBy, DateTimeOffset uploadedAt)
    {
        EnsureEditable();
        if (_evidence.Count >= MaxFiles) throw new DomainException($"每条记录最多上传{MaxFiles}个文件");
        var file = new ActivityEvidenceFile(fileName, kind, length, sha256, uploadedBy, uploadedAt);
        _evidence.Add(file);
        return file;
    }

    /// <summary>
    /// Removes one file (uploaded by mistake, or the wrong version of the minutes); the entry and its other files stay.
    /// Its stored content goes with its row. Only while the plan is not closed.
    /// </summary>
    public ActivityEvidenceFile RemoveEvidence(long fileId)
    {
        EnsureEditable();
        var file = _evidence.Find(f => f.Id == fileId) ?? throw new DomainException("该文件已不在这条记录中");
        _evidence.Remove(file);
        return file;
    }

    /// <summary>Whether the entry may be removed from the register: only while its plan is not closed.</summary>
    public void EnsureRemovable() => EnsureEditable();

    private void EnsureEditable()
    {
        // Plan is null only while EF materializes; every public path runs on a loaded entry.
        if (Plan is null) throw new InvalidOperationException("Load the entry's plan before changing the entry.");
        Plan.EnsureEditable();
    }
}

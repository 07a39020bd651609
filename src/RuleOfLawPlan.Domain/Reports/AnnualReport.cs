using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Reports;

/// <summary>
/// 法治政府建设年度报告 of one plan year: its revisions (the latest is the one worked on) and the history of its workflow.
/// The office drafts and edits; a leader approves or returns; the office confirms the 保密审查 and the publication.
/// Who may take which step is the pages' to check; the order of the steps and what each needs is checked here.
/// </summary>
public sealed class AnnualReport : IAggregateRoot
{
    private readonly List<ReportRevision> _revisions = [];
    private readonly List<ReportStep> _steps = [];

    /// <summary>
    /// The title is the organ's name (up to 200 characters, as <c>Organization</c> and <c>WorkPlan.IssuingOrgan</c> hold it)
    /// followed by the year's words: room for both, so no organ's report is refused for its name.
    /// </summary>
    public const int MaxTitleLength = 300;

    private AnnualReport() { }

    public AnnualReport(int workPlanId, int year, string title)
    {
        if (year is < 2000 or > 2100) throw new DomainException("报告年度须在2000年至2100年之间");
        WorkPlanId = workPlanId;
        Year = year;
        Title = Guard.Text(title, MaxTitleLength, "报告标题");
        _revisions.Add(ReportRevision.Empty(1));
    }

    public int Id { get; private set; }

    /// <summary>The plan of the year reported on; one report per plan.</summary>
    public int WorkPlanId { get; private set; }

    public int Year { get; private set; }
    public string Title { get; private set; } = "";

    [Timestamp]
    public uint Version { get; private set; }

    public IReadOnlyList<ReportRevision> Revisions => [.. _revisions.OrderBy(r => r.Number)];
    public IReadOnlyList<ReportStep> Steps => [.. _steps.OrderBy(s => s.At).ThenBy(s => s.Id)];

    /// <summary>The revision being worked on: the latest.</summary>
    public ReportRevision Current => _revisions.MaxBy(r => r.Number)!;

    public ReportStatus Status => Current.Status;

    /// <summary>The office changes a part. After approval this starts a new revision; the approved one stays as it was.</summary>
    public void EditPart(int number, string text, string by, DateTimeOffset at)
    {
        if (!ReportParts.IsPart(number)) throw new DomainException("报告只有第一至第五部分");
        var clean = Guard.OptionalText(text, ReportPart.MaxLength, ReportParts.Title(number), multiline: true);
        var revision = Current;
        if (revision.Part(number).Text == clean) return;
        WritableRevision(by, at).Part(number).Edit(clean);
    }

    /// <summary>
    /// The parts a draft would overwrite although the office has written in them since they were last drafted, and
    /// where the new draft says something else: the office is shown these and asked before they are replaced.
    /// </summary>
    public IReadOnlyList<int> EditedPartsDifferingFrom(IReadOnlyList<DraftedPart> draft) =>
        [.. draft.Where(d => Current.Part(d.Number) is { IsEditedByOffice: true } part && part.Text != d.Text).Select(d => d.Number)];

    /// <summary>
    /// 从记录起草: puts the drafted parts in, except those the office edited that are not in <paramref name="replaceEdited"/>
    /// (see <see cref="EditedPartsDifferingFrom"/>); those keep the office's text. Returns the parts kept.
    /// </summary>
    public IReadOnlyList<int> ApplyDraft(IReadOnlyList<DraftedPart> draft, IReadOnlyCollection<int> replaceEdited, string by, DateTimeOffset at)
    {
        if (draft.Count != ReportParts.Count || !draft.Select(d => d.Number).Order().SequenceEqual(ReportParts.Numbers))
            throw new DomainException("草稿须包含报告的五个部分");
        var kept = EditedPartsDifferingFrom(draft).Where(n => !replaceEdited.Contains(n)).ToList();
        var revision = WritableRevision(by, at);
        foreach (var part in draft.Where(d => !kept.Contains(d.Number)))
            revision.Part(part.Number).ApplyDraft(part);
        _steps.Add(new ReportStep(ReportStepKind.Drafted, revision.Number, by, at, null));
        return kept;
    }

    /// <summary>送审: the office sends the draft to the leaders; every part must say something.</summary>
    public void Submit(string by, DateTimeOffset at, string? comment)
    {
        Current.Submit();
        _steps.Add(new ReportStep(ReportStepKind.Submitted, Current.Number, by, at, comment));
    }

    /// <summary>审定: a leader approves the revision sent; it is frozen from now on.</summary>
    public void Approve(string leader, DateTimeOffset at, string? comment)
    {
        var step = new ReportStep(ReportStepKind.Approved, Current.Number, leader, at, comment);
        Current.Approve(step.By, at);
        _steps.Add(step);
    }

    /// <summary>退回: a leader sends it back to the office with what to change.</summary>
    public void Return(string leader, string comment, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("请填写退回意见");
        var step = new ReportStep(ReportStepKind.Returned, Current.Number, leader, at, comment);
        Current.Return();
        _steps.Add(step);
    }

    /// <summary>保密审查: the office confirms the approved revision may be made public, and who confirmed it when.</summary>
    public void ConfirmSecrecyReview(string by, DateTimeOffset at, string? comment)
    {
        var step = new ReportStep(ReportStepKind.SecrecyReviewed, Current.Number, by, at, comment);
        Current.ConfirmSecrecyReview(step.By, at);
        _steps.Add(step);
    }

    /// <summary>公开: the office records when and where the report was published (by 4月1日 of the next year).</summary>
    public void Publish(DateOnly on, string channel, string by, DateTimeOffset at)
    {
        if (Current.Status != ReportStatus.SecrecyReviewed) throw new DomainException("报告须通过保密审查后才能公开");
        if (on.Year <= Year) throw new DomainException($"公开日期须在{Year}年度结束之后");
        if (on.Year > 2100) throw new DomainException("公开日期须在2100年之前");
        var clean = Guard.Text(channel, 200, "公开渠道");
        var step = new ReportStep(ReportStepKind.Published, Current.Number, by, at, clean);
        Current.Publish(on, clean);
        _steps.Add(step);
    }

    private ReportRevision WritableRevision(string by, DateTimeOffset at)
    {
        var current = Current;
        if (current.Status == ReportStatus.Submitted) throw new DomainException("报告已送审，领导审定或退回之前不能修改");
        if (!current.IsFrozen) return current;
        var next = current.NextRevision();
        _revisions.Add(next);
        _steps.Add(new ReportStep(ReportStepKind.RevisionStarted, next.Number, by, at, null));
        return next;
    }
}

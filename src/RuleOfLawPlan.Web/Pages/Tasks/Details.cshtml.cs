using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>任务详情: the task, its 工作台账, its 批示 and its history, for every signed-in role.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(PlanDb db, TimeProvider clock, SupervisionQuery supervision) : PageModel
{
    /// <summary>Enough for a year of monthly reports by every section; older history is in the audit browser.</summary>
    public const int HistoryLimit = 300;

    public sealed record TaskDetails(
        int Id, int PlanId, string PlanTitle, int PlanYear, PlanStatus PlanStatus, int AreaOrdinal, string AreaTitle,
        int? Number, string Title, string Body, int? LeadSectionId, IReadOnlyList<int> SupportingSectionIds,
        string? ResponsibleLeader, DateOnly? Deadline, string? ExpectedOutcome, PlanTaskStatus Status, int PercentComplete,
        TaskTargets Targets, IReadOnlyList<LedgerRow> Ledger, IReadOnlyList<InstructionRow> Instructions);

    public sealed record LedgerRow(long Id, int SectionId, DateOnly AsOf, int Percent, string Summary, string RecordedBy, DateTimeOffset RecordedAt,
        ReviewState Review, string? ReviewComment, string? ReviewedBy, DateTimeOffset? ReviewedAt, long? SupersedesId, bool IsSuperseded,
        IReadOnlyList<EvidenceLink> Files);

    public sealed record InstructionRow(long Id, string Text, string Leader, DateTimeOffset IssuedAt, string? Answer, string? AnsweredBy,
        DateTimeOffset? AnsweredAt)
    {
        public bool IsOpen => AnsweredAt is null;
    }

    /// <summary>
    /// 各科室进度: a section's figure (its current accepted update, as the task's rules pick it) and whether it has an
    /// update waiting for review or one returned and not yet corrected.
    /// </summary>
    public sealed record SectionProgress(int SectionId, bool IsLead, int? Percent, DateOnly? AsOf, bool HasPending, bool HasReturned);

    public TaskDetails PlanTask { get; private set; } = null!;
    public IReadOnlyList<SectionProgress> Sections { get; private set; } = [];
    public IReadOnlyList<AuditHistory.ChangeSet> History { get; private set; } = [];
    public SectionNames SectionNames { get; private set; } = SectionNames.None;

    /// <summary>Every reading of the task's KPIs, newest first (指标完成情况).</summary>
    public IReadOnlyList<TaskTargets.Reading> KpiReadings { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = SupervisionQuery.AsOfParameter)]
    public DateOnly? RequestedAsOf { get; set; }

    public DateOnly AsOf { get; private set; }
    public SupervisionAssessment Light { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var kpiRows = TaskTargets.KpiRows(ChinaTime.Today(clock));
        var task = await db.Tasks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new TaskDetails(
                t.Id, t.WorkPlanId, t.Plan.Title, t.Plan.Year, t.Plan.Status, t.Area.Ordinal, t.Area.Title,
                t.Number, t.Title, t.Body, t.LeadSectionId, t.Supports.Select(s => s.SectionId).ToList(),
                t.ResponsibleLeader, t.Deadline, t.ExpectedOutcome, t.Status, t.PercentComplete,
                new TaskTargets(
                    t.Kpis.AsQueryable().OrderBy(k => k.Id).Select(kpiRows).ToList(),
                    t.Deliverables.OrderBy(d => d.Id).Select(d => new TaskTargets.Deliverable(d.Name, d.Action)).ToList()),
                t.Updates.OrderByDescending(u => u.AsOf).ThenByDescending(u => u.RecordedAt)
                    .Select(u => new LedgerRow(u.Id, u.SectionId, u.AsOf, u.Percent, u.Summary, u.RecordedBy, u.RecordedAt,
                        u.Review, u.ReviewComment, u.ReviewedBy, u.ReviewedAt, u.SupersedesId, u.IsSuperseded,
                        t.Evidence.Where(f => f.ProgressUpdateId == u.Id).OrderBy(f => f.Id)
                            .Select(f => new EvidenceLink(f.Id, f.FileName, f.Length)).ToList())).ToList(),
                t.Instructions.OrderByDescending(i => i.IssuedAt)
                    .Select(i => new InstructionRow(i.Id, i.Text, i.Leader, i.IssuedAt, i.Answer, i.AnsweredBy, i.AnsweredAt)).ToList()))
            .SingleOrDefaultAsync(ct);
        if (task is null) return NotFound();
        PlanTask = task;
        AsOf = supervision.AsOf(task.PlanYear, RequestedAsOf, ModelState);
        Light = (await supervision.AssessAsync(db.Tasks.Where(t => t.Id == id), AsOf, ct))[id];
        Sections = await SectionProgressAsync(id, ct);

        if (task.Targets.Kpis.Count > 0)
        {
            KpiReadings = await db.KpiReadings.AsNoTracking()
                .Where(r => db.Kpis.Where(k => k.PlanTaskId == id).Select(k => k.Id).Contains(r.KpiId))
                .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
                .Select(TaskTargets.ReadingRows(db.EvidenceFiles)).ToListAsync(ct);
        }

        History = await AuditHistory.ForTaskAsync(db, id, HistoryLimit, ct);
        SectionNames = await SectionNames.LoadAsync(db, ct);
        return Page();
    }

    /// <summary>The ledger by section: the lead section first, then the supporting ones, then any others that reported.</summary>
    public IEnumerable<IGrouping<int, LedgerRow>> LedgerBySection() =>
        PlanTask.Ledger.GroupBy(u => u.SectionId)
            .OrderBy(g => g.Key == PlanTask.LeadSectionId ? 0 : PlanTask.SupportingSectionIds.Contains(g.Key) ? 1 : 2);

    /// <summary>The office, or the head of the lead section (<see cref="TaskOperations.RecordKpiReading"/>), while the plan is carried out.</summary>
    public bool CanRecordKpiReadings => PlanTask.PlanStatus == PlanStatus.Active
        && (User.IsInRole(Roles.Office) || (User.IsInRole(Roles.SectionHead) && User.SectionId() is int s && PlanTask.LeadSectionId == s));

    /// <summary>The lead section's update waiting for review: the task's figure may be about to move.</summary>
    public bool LeadHasPending => Sections.Any(s => s.IsLead && s.HasPending);

    /// <summary>A 更正 is offered on the newest update of a chain, to the section that reported it, while the plan runs.</summary>
    public bool CanCorrect(LedgerRow update) =>
        CanReportProgress && PlanTask.PlanStatus == PlanStatus.Active && !update.IsSuperseded && update.SectionId == User.SectionId();

    /// <summary>答复: the lead section's head answers an open 批示.</summary>
    public bool CanAnswer(InstructionRow instruction) =>
        instruction.IsOpen && PlanTask.PlanStatus != PlanStatus.Closed && User.IsInRole(Roles.SectionHead)
        && User.SectionId() is int s && PlanTask.LeadSectionId == s;

    /// <summary>Each involved section (and any other that reported) with its figure, from the task's own rules.</summary>
    private async Task<IReadOnlyList<SectionProgress>> SectionProgressAsync(int id, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Updates).SingleAsync(t => t.Id == id, ct);
        var sections = new[] { PlanTask.LeadSectionId }.OfType<int>().Concat(PlanTask.SupportingSectionIds)
            .Concat(task.Updates.Select(u => u.SectionId)).Distinct();
        return [.. sections.Select(sectionId =>
        {
            var current = task.CurrentUpdate(sectionId);
            var open = task.Updates.Where(u => u.SectionId == sectionId && !u.IsSuperseded).ToList();
            return new SectionProgress(sectionId, sectionId == PlanTask.LeadSectionId, current?.Percent, current?.AsOf,
                open.Any(u => u.Review == ReviewState.Pending), open.Any(u => u.Review == ReviewState.Returned));
        })];
    }

    public bool CanReportProgress =>
        User.IsInRole(Roles.SectionHead) && User.SectionId() is int s && (PlanTask.LeadSectionId == s || PlanTask.SupportingSectionIds.Contains(s));
}

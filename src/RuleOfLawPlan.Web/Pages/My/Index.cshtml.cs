using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.My;

/// <summary>
/// 我的任务: a section head's home page — the tasks its section leads or supports in the plan in execution. What
/// waits on the section first (an update of its own that was returned and not yet corrected, then an open 批示), then
/// by light from red to done. The round-trips are fixed: the plan, the rows, the lights, the section names.
/// </summary>
[Authorize(Policy = Policies.MyTasks)]
public sealed class IndexModel(PlanDb db, SupervisionQuery supervision) : PageModel
{
    public sealed record PlanInfo(int Id, int Year, string Title);

    public sealed record LastUpdate(DateOnly AsOf, int Percent, ReviewState Review);

    public sealed record TaskRow(
        int Id, int AreaOrdinal, int SortOrder, int? Number, string Title, bool Leads, int? LeadSectionId, DateOnly? Deadline,
        PlanTaskStatus Status, int PercentComplete, LastUpdate? Last, bool HasReturnedUpdate, int OpenInstructions);

    public sealed record Item(TaskRow Task, SupervisionAssessment Light)
    {
        /// <summary>0 a returned update to correct, 1 an open 批示 to answer, 2 nothing waiting on the section.</summary>
        public int Attention => Task.HasReturnedUpdate ? 0 : Task.OpenInstructions > 0 ? 1 : 2;

        /// <summary>Whether the section has reported in the period now open (an update as of its start or later that was not returned).</summary>
        public bool ReportedThisPeriod => Task.Last is { } last && last.AsOf >= Light.DueNext.Start && last.Review != ReviewState.Returned;
    }

    [BindProperty(SupportsGet = true, Name = SupervisionQuery.AsOfParameter)]
    public DateOnly? RequestedAsOf { get; set; }

    public PlanInfo? Plan { get; private set; }
    public int? SectionId { get; private set; }
    public DateOnly AsOf { get; private set; }
    public ReportingPeriod? DueNext { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public SectionNames SectionNames { get; private set; } = SectionNames.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SectionId = User.SectionId();
        Plan = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Active)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanInfo(p.Id, p.Year, p.Title))
            .FirstOrDefaultAsync(ct);
        if (Plan is null || SectionId is not int section) return Page();

        AsOf = supervision.AsOf(Plan.Year, RequestedAsOf, ModelState);
        DueNext = supervision.Settings.Calendar.PeriodContaining(AsOf);
        var mine = db.Tasks.Where(t => t.WorkPlanId == Plan.Id && (t.LeadSectionId == section || t.Supports.Any(s => s.SectionId == section)));
        var rows = await mine.AsNoTracking()
            .Select(t => new TaskRow(t.Id, t.Area.Ordinal, t.SortOrder, t.Number, t.Title, t.LeadSectionId == section, t.LeadSectionId,
                t.Deadline, t.Status, t.PercentComplete,
                t.Updates.Where(u => u.SectionId == section).OrderByDescending(u => u.RecordedAt).ThenByDescending(u => u.Id)
                    .Select(u => new LastUpdate(u.AsOf, u.Percent, u.Review)).FirstOrDefault(),
                t.Updates.Any(u => u.SectionId == section && u.Review == ReviewState.Returned && !u.IsSuperseded),
                t.Instructions.Count(i => i.AnsweredAt == null)))
            .ToListAsync(ct);
        var lights = await supervision.AssessAsync(mine, AsOf, ct);
        SectionNames = await SectionNames.LoadAsync(db, ct);

        Items = [.. rows.Select(r => new Item(r, lights[r.Id]))
            .OrderBy(i => i.Attention)
            .ThenBy(i => i.Light.Light)
            .ThenBy(i => i.Task.Deadline ?? DateOnly.MaxValue)
            .ThenBy(i => i.Task.AreaOrdinal).ThenBy(i => i.Task.SortOrder)];
        return Page();
    }
}

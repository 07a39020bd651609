using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Plans;

/// <summary>
/// 计划总览: the whole plan. Split queries keep the round-trips fixed (one per collection level) however many
/// areas, tasks and KPIs the plan has.
/// </summary>
public sealed class OverviewModel(PlanDb db, TimeProvider clock, SupervisionQuery supervision) : PageModel
{
    public sealed record PlanOverview(
        int Id, string Title, int Year, string? IssuingOrgan, DateOnly? IssueDate, PlanStatus Status,
        string Preamble, string GuidingIdeology, string Leadership,
        IReadOnlyList<AreaRow> Areas, IReadOnlyList<RequirementRow> Requirements)
    {
        public int TaskCount => Areas.Sum(a => a.Tasks.Count);
    }

    public sealed record AreaRow(int Id, int Ordinal, string Title, string Body, IReadOnlyList<TaskRow> Tasks);

    public sealed record TaskRow(
        int Id, int? Number, string Title, string Body, int? LeadSectionId, IReadOnlyList<int> SupportingSectionIds,
        DateOnly? Deadline, PlanTaskStatus Status, int PercentComplete, TaskTargets Targets);

    public sealed record RequirementRow(int Ordinal, string Title, string Body);

    public PlanOverview Plan { get; private set; } = null!;
    public SectionNames SectionNames { get; private set; } = SectionNames.None;

    [BindProperty(SupportsGet = true, Name = SupervisionQuery.AsOfParameter)]
    public DateOnly? RequestedAsOf { get; set; }

    public DateOnly AsOf { get; private set; }
    public IReadOnlyDictionary<int, SupervisionAssessment> Lights { get; private set; } = new Dictionary<int, SupervisionAssessment>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var kpiRows = TaskTargets.KpiRows(ChinaTime.Today(clock));
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PlanOverview(
                p.Id, p.Title, p.Year, p.IssuingOrgan, p.IssueDate, p.Status,
                p.Preamble, p.GuidingIdeology, p.Leadership,
                p.Areas.OrderBy(a => a.Ordinal).Select(a => new AreaRow(
                    a.Id, a.Ordinal, a.Title, a.Body,
                    a.Tasks.OrderBy(t => t.SortOrder).Select(t => new TaskRow(
                        t.Id, t.Number, t.Title, t.Body, t.LeadSectionId,
                        t.Supports.Select(s => s.SectionId).ToList(),
                        t.Deadline, t.Status, t.PercentComplete,
                        new TaskTargets(
                            t.Kpis.AsQueryable().OrderBy(k => k.Id).Select(kpiRows).ToList(),
                            t.Deliverables.OrderBy(d => d.Id).Select(d => new TaskTargets.Deliverable(d.Name, d.Action)).ToList()))).ToList())).ToList(),
                p.Requirements.OrderBy(r => r.Ordinal).Select(r => new RequirementRow(r.Ordinal, r.Title, r.Body)).ToList()))
            .SingleOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        Plan = plan;
        AsOf = supervision.AsOf(plan.Year, RequestedAsOf, ModelState);
        Lights = await supervision.AssessPlanAsync(id, AsOf, ct);
        SectionNames = await SectionNames.LoadAsync(db, ct);
        return Page();
    }
}

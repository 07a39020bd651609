using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Plans;

/// <summary>
/// The whole plan as the overview shows it. Split queries keep the round-trips fixed
/// (one per collection level) however many areas, tasks and KPIs the plan has.
/// </summary>
public sealed class PlanOverviewQuery(PlanDb db)
{
    public Task<PlanOverview?> LoadAsync(int planId, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new PlanOverview(
                p.Id, p.Title, p.Year, p.IssuingOrgan, p.IssueDate, p.Status,
                p.Preamble, p.GuidingIdeology, p.Leadership,
                p.Areas.OrderBy(a => a.Ordinal).Select(a => new AreaRow(
                    a.Id, a.Ordinal, a.Title, a.Body,
                    a.Tasks.OrderBy(t => t.SortOrder).Select(t => new TaskRow(
                        t.Id, t.Number, t.Title, t.Body, t.LeadSectionId,
                        t.Supports.Select(s => s.SectionId).ToList(),
                        t.ResponsibleLeader, t.Deadline, t.Status, t.PercentComplete,
                        t.Kpis.OrderBy(k => k.Id).Select(k => new KpiRow(k.Name, k.Comparator, k.Target, k.Unit, k.Kind, k.SourceSentence)).ToList(),
                        t.Deliverables.OrderBy(d => d.Id).Select(d => new DeliverableRow(d.Name, d.Action)).ToList())).ToList())).ToList(),
                p.Requirements.OrderBy(r => r.Ordinal).Select(r => new RequirementRow(r.Ordinal, r.Title, r.Body)).ToList()))
            .SingleOrDefaultAsync(ct);

    /// <summary>The plan to open first: the one in execution, else the newest.</summary>
    public Task<int?> CurrentPlanIdAsync(CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1)
            .ThenByDescending(p => p.Year)
            .ThenByDescending(p => p.Id)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(ct);

    public Task<Dictionary<int, string>> SectionNamesAsync(CancellationToken ct) =>
        db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
}

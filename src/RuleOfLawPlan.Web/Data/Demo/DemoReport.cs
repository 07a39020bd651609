using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Pages.Reports;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// Development only: the 2023 annual report drafted from the demo year, as 草稿, so a newcomer sees the report page, its
/// sources and its print view on a first run. It runs only while the 2023 plan has no report, so it drafts once and never
/// touches a report someone has started. It drafts whatever the plan holds, also data it did not make (ScaleData's), as
/// the office's 起草 would. A draft the report's rules refuse is logged as an error and the app starts without the demo
/// report (decision 026): the report is a convenience of the first run, not what the app needs to work.
/// </summary>
public static class DemoReport
{
    private const string DraftedBy = "政策法规办干部";

    /// <summary>The draft is dated early in the following January, when an office would start on it.</summary>
    private static readonly DateTimeOffset DraftedAt = new(DemoYear.Year + 1, 1, 8, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task EnsureAsync(PlanDb db, Func<int, CancellationToken, Task<IReadOnlyList<DraftedPart>?>> draft, ILogger logger,
        CancellationToken ct)
    {
        var plan = await db.Plans.Where(p => p.Year == DemoYear.Year && p.Status == PlanStatus.Active)
            .Select(p => new { p.Id, p.IssuingOrgan, Organ = db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).First() })
            .FirstOrDefaultAsync(ct);
        if (plan is null || await db.Reports.AnyAsync(r => r.WorkPlanId == plan.Id, ct)) return;
        if (!await db.ProgressUpdates.AnyAsync(u => db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == plan.Id), ct)) return;

        var parts = await draft(plan.Id, ct);
        try
        {
            var report = ReportQuery.Start(new ReportQuery.PlanInfo(plan.Id, DemoYear.Year, "", plan.IssuingOrgan ?? plan.Organ));
            report.ApplyDraft(parts!, [], DraftedBy, DraftedAt);
            db.Reports.Add(report);
        }
        catch (DomainException ex)
        {
            logger.LogError(ex, "The demo report of {Year} was not drafted: {Reason}", DemoYear.Year, ex.Message);
            return;
        }
        await db.SaveChangesAsync(ct);
    }
}

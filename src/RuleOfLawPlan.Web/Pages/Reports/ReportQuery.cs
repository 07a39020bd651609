using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// What the report pages share: the plan a report is about, the report aggregate (small: five parts per revision and its
/// steps), and the mapping of a revision to the Word export's <see cref="ReportDocument"/>.
/// </summary>
public sealed class ReportQuery(PlanDb db, TimeProvider clock)
{
    /// <summary>The plan year reported on and the organ that reports.</summary>
    public sealed record PlanInfo(int Id, int Year, string Title, string Organ);

    public async Task<PlanInfo?> PlanAsync(int planId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new PlanInfo(p.Id, p.Year, p.Title,
                p.IssuingOrgan ?? db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).First()))
            .SingleOrDefaultAsync(ct);

    /// <summary>The plan's report with everything its rules look at; tracked when it is to be changed.</summary>
    public Task<AnnualReport?> ReportAsync(int planId, bool tracked, CancellationToken ct)
    {
        var reports = db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Parts).Include(r => r.Steps).AsSplitQuery();
        return (tracked ? reports : reports.AsNoTracking()).SingleOrDefaultAsync(r => r.WorkPlanId == planId, ct);
    }

    /// <summary>A new report for the plan's year, not yet saved.</summary>
    public static AnnualReport Start(PlanInfo plan) => new(plan.Id, plan.Year, ReportDrafter.TitleFor(plan.Organ, plan.Year));

    /// <summary>
    /// The revision as the Word export renders it: the title, the five parts under their printed headings, and the organ
    /// with the date of approval (today's date until a leader approves it).
    /// </summary>
    public ReportDocument Document(PlanInfo plan, AnnualReport report, ReportRevision revision) => new(
        report.Title, plan.Organ,
        revision.ApprovedAt is { } approved ? DateOnly.FromDateTime(ChinaTime.Local(approved).DateTime) : ChinaTime.Today(clock),
        [.. revision.Parts.Select(p => new ReportDocumentPart(ReportParts.Heading(p.Number), p.Text))]);

    /// <summary>"2023年度法治政府建设工作情况报告.docx": the file name the download offers.</summary>
    public static string FileName(AnnualReport report, ReportRevision revision) => ReportDrafter.FileName(report.Title, revision.Number);

    public DateOnly Today => ChinaTime.Today(clock);
}

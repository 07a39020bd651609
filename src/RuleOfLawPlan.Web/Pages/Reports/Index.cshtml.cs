using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// 年度报告: a plan year's report — where it stands, its five parts with the source of each drafted paragraph, its
/// revisions and history, and the 3月1日 / 4月1日 deadlines. The office drafts, edits and moves it on; a leader
/// approves or returns it; everyone else who reads the dashboard reads it.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(ReportQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "revision")]
    public int? RequestedRevision { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public ReportQuery.PlanInfo Plan { get; private set; } = null!;
    public AnnualReport? Report { get; private set; }

    /// <summary>The revision shown: the current one unless an earlier one was asked for.</summary>
    public ReportRevision? Revision { get; private set; }

    public IReadOnlyList<ReportDeadline> Deadlines { get; private set; } = [];

    public bool IsCurrent => Report is not null && Revision?.Number == Report.Current.Number;

    /// <summary>The office may draft and edit: a draft, or an approved revision (which starts a new one).</summary>
    public bool OfficeMayEdit => User.IsInRole(Roles.Office) && IsCurrent && Report!.Status != ReportStatus.Submitted
        || User.IsInRole(Roles.Office) && Report is null;

    /// <summary>The office's next step on the current revision, if it has one: 送审, 保密审查, 登记公开.</summary>
    public string? OfficeNextStep => User.IsInRole(Roles.Office) && IsCurrent ? Report!.Status switch
    {
        ReportStatus.Draft => "送审",
        ReportStatus.Approved => "保密审查",
        ReportStatus.SecrecyReviewed => "登记公开",
        _ => null,
    } : null;

    /// <summary>The leader's comment when the current revision came back: shown above the parts until it is sent again.</summary>
    public ReportStep? OpenReturn => Report is { Status: ReportStatus.Draft } report && report.Steps.LastOrDefault(s =>
        s.Kind is ReportStepKind.Returned or ReportStepKind.Submitted) is { Kind: ReportStepKind.Returned } step ? step : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Deadlines = ReportDeadline.For(plan.Year, query.Today);
        Report = await query.ReportAsync(id, tracked: false, ct);
        if (Report is not null)
        {
            Revision = RequestedRevision is int number ? Report.Revisions.FirstOrDefault(r => r.Number == number) : Report.Current;
            if (Revision is null) return NotFound();
        }
        return Page();
    }

    /// <summary>The revision shown, as a Word file (GB/T 9704 layout) with the report's Chinese title as its name.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        if (await query.ReportAsync(id, tracked: false, ct) is not { } report) return RedirectToPage("/Reports/Index", new { id });
        var revision = RequestedRevision is int number ? report.Revisions.FirstOrDefault(r => r.Number == number) : report.Current;
        if (revision is null) return NotFound();
        var stream = new MemoryStream();
        ReportDocxWriter.Write(query.Document(plan, report, revision), stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ReportQuery.FileName(report, revision));
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// 打印预览: a revision of the report laid out as the official document prints (A4, GB/T 9704 margins and type sizes),
/// from the same <see cref="ReportDocument"/> the Word export renders.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class PrintModel(ReportQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "revision")]
    public int? RequestedRevision { get; set; }

    public int PlanId { get; private set; }
    public ReportDocument Document { get; private set; } = null!;
    public ReportRevision Revision { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        if (await query.ReportAsync(id, tracked: false, ct) is not { } report) return RedirectToPage("/Reports/Index", new { id });
        var revision = RequestedRevision is int number ? report.Revisions.FirstOrDefault(r => r.Number == number) : report.Current;
        if (revision is null) return NotFound();
        PlanId = id;
        Revision = revision;
        Document = query.Document(plan, report, revision).AsPrinted();
        return Page();
    }
}

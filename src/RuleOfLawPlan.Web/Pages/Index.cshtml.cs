using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages;

/// <summary>The home page: a section head's is 我的任务; everyone else's opens the plan in execution, else the newest one.</summary>
public sealed class IndexModel(PlanDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.SectionHead)) return RedirectToPage("/My/Index");
        var planId = await db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1)
            .ThenByDescending(p => p.Year)
            .ThenByDescending(p => p.Id)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(ct);
        return planId is int id ? RedirectToPage("/Plans/Overview", new { id }) : Page();
    }
}

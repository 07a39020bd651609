using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Pages.Plans;

namespace RuleOfLawPlan.Web.Pages;

/// <summary>The home page opens the plan in execution (or the newest one).</summary>
public sealed class IndexModel(PlanOverviewQuery query) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var planId = await query.CurrentPlanIdAsync(ct);
        return planId is int id ? RedirectToPage("/Plans/Overview", new { id }) : Page();
    }
}

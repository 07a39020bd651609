using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages;

/// <summary>The home page: a section head's is 我的任务; the leaders', the office's, administrators' and viewers' is 领导小组驾驶舱.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.SectionHead) ? RedirectToPage("/My/Index") : RedirectToPage("/Dashboard/Index");
}

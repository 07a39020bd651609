using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Audit;

/// <summary>
/// 修改明细: every entry of one save, found by any one of its entries (the audit list links its headline).
/// Read-only, like the rest of the trail.
/// </summary>
[Authorize(Policy = Policies.ViewAudit)]
public sealed class ChangeSetModel(PlanDb db) : PageModel
{
    public AuditHistory.ChangeSet Set { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await AuditHistory.ChangeSetOfAsync(db, id, ct) is not { } set) return NotFound();
        Set = set;
        return Page();
    }
}

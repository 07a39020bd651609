using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>
/// 删除履职活动: the office removes an entry recorded by mistake, after confirming what it removes. Its files and task
/// links go with it; the audit trail keeps what each was (a file's name, size and SHA-256).
/// </summary>
[Authorize(Policy = Policies.ManageActivities)]
public sealed class RemoveModel(PlanDb db) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public sealed record Input
    {
        /// <summary>The entry's version when the confirmation was shown: a changed entry is shown again, not removed.</summary>
        public uint Version { get; init; }
    }

    public LeadershipActivity Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } activity) return NotFound();
        Activity = activity;
        Form = new Input { Version = activity.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } activity) return NotFound();
        Activity = activity;
        var (title, planId) = (activity.Title, activity.WorkPlanId);
        // Files and links are loaded, so each is removed (and audited) with the entry.
        var result = await db.TrySaveAsync(activity, Form.Version, a =>
        {
            a.EnsureRemovable();
            db.LeadershipActivities.Remove(a);
        }, ModelState, ct);
        if (result == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = $"已删除“{title}”";
            return RedirectToPage("/Activities/Index", new { plan = planId });
        }
        if (await db.LoadForChangeAsync(id, ct) is not { } current) return NotFound();
        Activity = current;
        return Page();
    }
}

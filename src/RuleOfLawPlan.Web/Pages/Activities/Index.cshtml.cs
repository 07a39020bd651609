using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>
/// 领导履职台账: a plan year's register of leaders' rule-of-law activities, with the count of each kind (what part 三 of
/// the annual report cites) and the entries, of one kind or all. The office and administrators keep it; leaders and
/// viewers read it.
/// </summary>
[Authorize(Policy = Policies.ReadActivities)]
public sealed class IndexModel(PlanDb db, IAuthorizationService auth) : PageModel
{
    public sealed record PlanOption(int Id, int Year, string Title);

    /// <summary>The plan: by default the plan in execution, else the newest.</summary>
    [BindProperty(SupportsGet = true, Name = "plan")]
    public int? RequestedPlan { get; set; }

    /// <summary>Only entries of this kind; all when null.</summary>
    [BindProperty(SupportsGet = true, Name = "kind")]
    public LeadershipActivityKind? Kind { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PlanOption> Plans { get; private set; } = [];
    public PlanOption? Plan { get; private set; }
    public IReadOnlyList<LeadershipRegister.KindGroup> Groups { get; private set; } = [];
    public IReadOnlyList<LeadershipRegister.Entry> Entries { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public int Total => Groups.Sum(g => g.Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanOption(p.Id, p.Year, p.Title))
            .ToListAsync(ct);
        Plan = RequestedPlan is int planId ? Plans.FirstOrDefault(p => p.Id == planId) : Plans.Count > 0 ? Plans[0] : null;
        if (Plan is null) return RequestedPlan is null ? Page() : NotFound();
        CanEdit = (await auth.AuthorizeAsync(User, Policies.ManageActivities)).Succeeded;
        Groups = await LeadershipRegister.ByKindAsync(db, Plan.Id, ct);
        Entries = [.. Groups.Where(g => Kind is null || g.Kind == Kind).SelectMany(g => g.Entries)
            .OrderBy(e => e.HeldOn).ThenBy(e => e.Id)];
        return Page();
    }
}

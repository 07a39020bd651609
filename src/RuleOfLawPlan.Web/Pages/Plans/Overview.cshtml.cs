using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed class OverviewModel(PlanOverviewQuery query) : PageModel
{
    public PlanOverview Plan { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> SectionNames { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await query.LoadAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        SectionNames = await query.SectionNamesAsync(ct);
        return Page();
    }

    public string SectionName(int? id) => id is int key && SectionNames.TryGetValue(key, out var name) ? name : "";
}

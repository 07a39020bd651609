using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

[Authorize(Policy = Policies.ManageSections)]
public sealed class IndexModel(PlanDb db) : PageModel
{
    public IReadOnlyList<Row> Sections { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public sealed record Row(int Id, string Name, SectionKind Kind, int SortOrder, bool IsActive, bool IsSample, int UserCount);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sections = await db.Sections
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Kind, s.SortOrder, s.IsActive, s.IsSample, db.Users.Count(u => u.SectionId == s.Id)))
            .ToListAsync(ct);
    }
}

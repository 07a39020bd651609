using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(PlanDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Users { get; private set; } = [];

    public sealed record Row(string Id, string UserName, string DisplayName, string? Role, string? Section, bool IsDisabled, DateTimeOffset? LockoutEnd)
    {
        public string Status(DateTimeOffset now) => UserForms.Status(IsDisabled, LockoutEnd, now);
    }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Users = await db.Users
            .OrderBy(u => u.UserName)
            .Select(u => new Row(
                u.Id,
                u.UserName!,
                u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                db.Sections.Where(s => s.Id == u.SectionId).Select(s => s.Name).FirstOrDefault(),
                u.IsDisabled,
                u.LockoutEnd))
            .ToListAsync(ct);
    }
}

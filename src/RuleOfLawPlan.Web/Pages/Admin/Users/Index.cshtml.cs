using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(PlanDb db, SignInGuard signInGuard) : PageModel
{
    public IReadOnlyList<Row> Users { get; private set; } = [];

    public sealed record Row(string Id, string UserName, string? NormalizedUserName, string DisplayName, string? Role, string? Section, bool IsDisabled)
    {
        /// <summary>已锁定: the sign-in throttle holds the account back from some address.</summary>
        public string Status(IReadOnlySet<string> throttled) =>
            IsDisabled ? "已停用" : NormalizedUserName is not null && throttled.Contains(NormalizedUserName) ? "已锁定" : "正常";
    }

    public IReadOnlySet<string> Throttled { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Throttled = await signInGuard.ThrottledUserNamesAsync(null, ct);
        Users = await db.Users
            .OrderBy(u => u.UserName)
            .Select(u => new Row(
                u.Id,
                u.UserName!,
                u.NormalizedUserName,
                u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                db.Sections.Where(s => s.Id == u.SectionId).Select(s => s.Name).FirstOrDefault(),
                u.IsDisabled))
            .ToListAsync(ct);
    }
}

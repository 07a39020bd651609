using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security;

/// <summary>Reads the user's roles once per request (the handler is scoped) with one query.</summary>
public sealed class CurrentRoleHandler(PlanDb db) : AuthorizationHandler<CurrentRoleRequirement>
{
    private readonly Dictionary<string, Task<List<string>>> _rolesByUser = [];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentRoleRequirement requirement)
    {
        if (context.User.UserId() is not { } userId) return;
        if (!_rolesByUser.TryGetValue(userId, out var roles))
            _rolesByUser[userId] = roles = RolesOfAsync(userId);
        if ((await roles).Any(requirement.Roles.Contains)) context.Succeed(requirement);
    }

    private Task<List<string>> RolesOfAsync(string userId) =>
        db.Users.Where(u => u.Id == userId && !u.IsDisabled)
            .SelectMany(u => db.UserRoles.Where(ur => ur.UserId == u.Id))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security;

/// <summary>
/// One of <see cref="Roles"/>, as the database holds it now, on an account that is not disabled. The sign-in
/// cookie's role claims are up to a minute old (until the security stamp is next validated); this is for the
/// policies that administer accounts, so a demoted or disabled administrator loses them with the next request.
/// </summary>
public sealed class CurrentRoleRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

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

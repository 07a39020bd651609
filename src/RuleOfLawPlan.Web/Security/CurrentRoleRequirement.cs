using Microsoft.AspNetCore.Authorization;

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

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security;

/// <summary>Puts the user's section and display name into the cookie, so checks need no query.</summary>
public sealed class PlanClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlanClaims.DisplayName, user.DisplayName));
        if (user.SectionId is int sectionId)
            identity.AddClaim(new Claim(PlanClaims.SectionId, sectionId.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}

using System.Globalization;
using System.Security.Claims;

namespace RuleOfLawPlan.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's account id (Identity's name-identifier claim).</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The section a section head belongs to, from the sign-in cookie.</summary>
    public static int? SectionId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PlanClaims.SectionId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The name shown in the UI and recorded on progress updates and instructions.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PlanClaims.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}

using Microsoft.AspNetCore.Identity;

namespace RuleOfLawPlan.Web.Data;

/// <summary>A person who signs in. Section heads belong to the section whose tasks they report on.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? SectionId { get; set; }
    public bool IsDisabled { get; set; }
}

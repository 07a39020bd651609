namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>The role and section fields of the create and edit forms.</summary>
public interface IRoleAndSection
{
    string Role { get; }
    int? SectionId { get; }
}

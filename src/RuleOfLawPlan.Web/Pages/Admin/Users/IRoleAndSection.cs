namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>The role, section and 领导职务 fields of the create and edit forms.</summary>
public interface IRoleAndSection
{
    string Role { get; }
    int? SectionId { get; }

    /// <summary>领导职务 of a leader, as tasks write their 责任领导 ("局长、分管副局长").</summary>
    string? LeaderTitles { get; }
}

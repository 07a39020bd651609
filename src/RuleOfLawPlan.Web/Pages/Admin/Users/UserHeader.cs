namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>The heading of the three pages about one account, and which of them is open.</summary>
public sealed record UserHeader(UserSummary Account, string Tab);

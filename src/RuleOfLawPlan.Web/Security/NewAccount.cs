namespace RuleOfLawPlan.Web.Security;

/// <param name="LeaderTitles">领导职务 of a leader ("局长、分管副局长"); ignored for other roles.</param>
public sealed record NewAccount(string UserName, string DisplayName, string Role, int? SectionId, string Password, string? LeaderTitles = null);

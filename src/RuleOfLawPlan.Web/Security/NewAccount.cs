namespace RuleOfLawPlan.Web.Security;

public sealed record NewAccount(string UserName, string DisplayName, string Role, int? SectionId, string Password);

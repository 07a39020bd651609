namespace RuleOfLawPlan.Web.Security;

public sealed record AccountError(string Field, string Message);

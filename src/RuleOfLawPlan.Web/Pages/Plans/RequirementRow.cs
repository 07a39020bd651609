namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed record RequirementRow(int Ordinal, string Title, string Body);

namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed record AreaRow(int Id, int Ordinal, string Title, string Body, IReadOnlyList<TaskRow> Tasks);

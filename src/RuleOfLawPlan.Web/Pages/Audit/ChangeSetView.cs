namespace RuleOfLawPlan.Web.Pages.Audit;

/// <summary>A change set as the shared partial (_AuditChangeSet) shows it; on a task's page, that task is not named again.</summary>
public sealed record ChangeSetView(ChangeSet Set, int? TaskPageId = null);

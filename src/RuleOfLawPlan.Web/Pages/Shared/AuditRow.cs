using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>The columns of an audit entry the history pages read.</summary>
internal sealed record AuditRow(long Id, Guid ChangeSetId, DateTimeOffset At, string? UserId, string UserName, AuditAction Action,
    string EntityType, string EntityKey, int? PlanTaskId, string? Before, string? After);

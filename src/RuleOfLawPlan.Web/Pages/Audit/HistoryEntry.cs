using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Pages.Audit;

/// <summary>One entry as a sentence: 修改 任务 （六）1. 持续推进行政执法三项制度, with its fields.</summary>
public sealed record HistoryEntry(long Id, AuditAction Action, string EntityType, string? Title, int? PlanTaskId,
    string? TaskTitle, IReadOnlyList<FieldChange> Fields)
{
    public bool IsTask => EntityType == nameof(PlanTask);
}

using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>The KPIs and deliverables a task names, as <c>_TaskTargets</c> shows them on the overview and the task page.</summary>
public sealed record TaskTargets(IReadOnlyList<TaskTargets.Kpi> Kpis, IReadOnlyList<TaskTargets.Deliverable> Deliverables)
{
    public sealed record Kpi(string Name, KpiComparator Comparator, decimal? Target, string Unit, string SourceSentence);

    public sealed record Deliverable(string Name, DeliverableAction Action);

    public bool IsEmpty => Kpis.Count == 0 && Deliverables.Count == 0;
}

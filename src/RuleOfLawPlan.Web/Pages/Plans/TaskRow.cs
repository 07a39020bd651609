using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed record TaskRow(
    int Id, int? Number, string Title, string Body, int? LeadSectionId, IReadOnlyList<int> SupportingSectionIds,
    string? ResponsibleLeader, DateOnly? Deadline, PlanTaskStatus Status, int PercentComplete,
    IReadOnlyList<KpiRow> Kpis, IReadOnlyList<DeliverableRow> Deliverables);

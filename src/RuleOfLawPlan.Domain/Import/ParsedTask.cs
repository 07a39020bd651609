namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// A trackable task. An area without numbered items becomes one task with
/// <see cref="Number"/> = null, because progress is still reported against it.
/// </summary>
public sealed record ParsedTask(
    int? Number,
    string Title,
    string Body,
    IReadOnlyList<ParsedKpi> Kpis,
    IReadOnlyList<ParsedDeliverable> Deliverables);

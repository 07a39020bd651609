using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>A named document (《…》) the plan asks to be revised or drafted.</summary>
public sealed record ParsedDeliverable(
    string Name,
    DeliverableAction Action,
    string SourceSentence);

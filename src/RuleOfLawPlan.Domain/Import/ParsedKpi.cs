using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>A quantitative target found in task text. Target is null for year-on-year KPIs (双下降).</summary>
public sealed record ParsedKpi(
    string Name,
    string SourceSentence,
    KpiComparator Comparator,
    decimal? Target,
    string Unit,
    KpiKind Kind);

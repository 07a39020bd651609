using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed record KpiRow(string Name, KpiComparator Comparator, decimal? Target, string Unit, KpiKind Kind, string SourceSentence);

using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>A plan document as the importer understood it; shown to the office for review before it becomes a plan.</summary>
public sealed record ParsedPlan(
    string Title,
    int? Year,
    string? IssuingOrgan,
    DateOnly? IssueDate,
    string Preamble,
    string GuidingIdeology,
    string Leadership,
    IReadOnlyList<ParsedArea> Areas,
    IReadOnlyList<ParsedRequirement> Requirements,
    IReadOnlyList<ImportWarning> Warnings)
{
    public IEnumerable<ParsedTask> AllTasks => Areas.SelectMany(a => a.Tasks);
}

/// <summary>A key-work area (重点工作), e.g. "(四)完善城市管理依法行政工作机制".</summary>
public sealed record ParsedArea(
    int Ordinal,
    string OrdinalText,
    string Title,
    string Body,
    IReadOnlyList<ParsedTask> Tasks);

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

/// <summary>A quantitative target found in task text. Target is null for year-on-year KPIs (双下降).</summary>
public sealed record ParsedKpi(
    string Name,
    string SourceSentence,
    KpiComparator Comparator,
    decimal? Target,
    string Unit,
    KpiKind Kind);

/// <summary>A named document (《…》) the plan asks to be revised or drafted.</summary>
public sealed record ParsedDeliverable(
    string Name,
    DeliverableAction Action,
    string SourceSentence);

/// <summary>An item of 工作要求 / 保障措施.</summary>
public sealed record ParsedRequirement(int Ordinal, string Title, string Body);

/// <summary>Something the importer could not place; Message is for the office clerk, in Chinese.</summary>
public sealed record ImportWarning(int? Line, string Message);

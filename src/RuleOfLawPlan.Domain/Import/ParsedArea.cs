namespace RuleOfLawPlan.Domain.Import;

/// <summary>A key-work area (重点工作), e.g. "(四)完善城市管理依法行政工作机制".</summary>
public sealed record ParsedArea(
    int Ordinal,
    string OrdinalText,
    string Title,
    string Body,
    IReadOnlyList<ParsedTask> Tasks);

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

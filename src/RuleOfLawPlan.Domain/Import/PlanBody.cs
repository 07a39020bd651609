namespace RuleOfLawPlan.Domain.Import;

/// <summary>The numbered body of a plan: 指导思想, 组织领导, the key-work areas with their tasks, and 工作要求.</summary>
internal sealed record PlanBody(
    string GuidingIdeology,
    string Leadership,
    IReadOnlyList<ParsedArea> Areas,
    IReadOnlyList<ParsedRequirement> Requirements)
{
    public static readonly PlanBody None = new("", "", [], []);
}

namespace RuleOfLawPlan.Domain.Import;

/// <summary>An item of 工作要求 / 保障措施.</summary>
public sealed record ParsedRequirement(int Ordinal, string Title, string Body);

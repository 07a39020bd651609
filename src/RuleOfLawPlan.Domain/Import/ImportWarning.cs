namespace RuleOfLawPlan.Domain.Import;

/// <summary>Something the importer could not place; Message is for the office clerk, in Chinese.</summary>
public sealed record ImportWarning(int? Line, string Message);

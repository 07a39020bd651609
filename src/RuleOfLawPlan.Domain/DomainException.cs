namespace RuleOfLawPlan.Domain;

/// <summary>
/// A business rule was broken. The message is written for the person who tried the change
/// (Simplified Chinese), so pages can show it as it is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);

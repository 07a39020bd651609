namespace RuleOfLawPlan.Domain.Import;

/// <summary>A non-blank, trimmed line of the document and its 1-based number in the file.</summary>
internal readonly record struct SourceLine(int Number, string Text);

namespace RuleOfLawPlan.Web.Pages.Audit;

/// <summary>One field of an entry in words: its label, its value before and after ("" where there was none).</summary>
/// <param name="Translatable">The values are resource keys (是/否, 未开始…), not text someone wrote.</param>
/// <param name="Secret">Only the fact of the change was recorded (a password): show that, not a before and after.</param>
public sealed record FieldChange(string Label, string Before, string After, bool Translatable, bool Secret = false);

namespace RuleOfLawPlan.Web.Requests;

/// <summary>
/// A page whose form carries 佐证材料: <see cref="FormLimits"/> lets its posts be as large as one update's files and
/// fields (<see cref="Data.Evidence.EvidenceOptions.MaxRequestBytes"/>) instead of Kestrel's 30 MB. Other pages keep 30 MB.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AcceptsEvidenceAttribute : Attribute;

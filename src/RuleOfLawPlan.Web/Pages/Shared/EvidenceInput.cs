using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// The 佐证材料 file input of a form that takes evidence (<c>_EvidenceInput</c>): the limits it tells the user and checks in
/// the browser, and how many files the post that is shown again carried (they have to be chosen again).
/// </summary>
public sealed record EvidenceInput(EvidenceOptions Limits, int FilesSent);

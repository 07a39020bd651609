namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>佐证材料 as pages list them beside an update or a KPI reading (<c>_EvidenceLinks</c>): downloaded from /evidence/{id}.</summary>
public sealed record EvidenceLink(long Id, string FileName, long Length);

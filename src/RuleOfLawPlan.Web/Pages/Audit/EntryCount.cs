using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Pages.Audit;

/// <summary>How many entries of one kind a change set holds besides those it shows.</summary>
public sealed record EntryCount(AuditAction Action, string EntityType, int Count);

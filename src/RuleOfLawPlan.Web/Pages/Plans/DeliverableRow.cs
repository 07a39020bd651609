using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed record DeliverableRow(string Name, DeliverableAction Action);

using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Import;

public static class ParsedPlanExtensions
{
    /// <summary>Builds a new draft plan from what the importer read.</summary>
    public static WorkPlan ToDraftPlan(this ParsedPlan parsed, int organizationId, int fallbackYear)
    {
        var plan = new WorkPlan(organizationId, parsed.Year ?? fallbackYear, parsed.Title, parsed.IssuingOrgan, parsed.IssueDate);
        plan.SetTexts(parsed.Preamble, parsed.GuidingIdeology, parsed.Leadership);
        foreach (var parsedArea in parsed.Areas)
        {
            // An area tracked as one task keeps its paragraph on that task, not twice.
            var areaBody = parsedArea.Tasks.Any(t => t.Number is null) ? "" : parsedArea.Body;
            var area = plan.AddArea(parsedArea.Title, areaBody);
            foreach (var parsedTask in parsedArea.Tasks)
            {
                var task = area.AddTask(parsedTask.Number, parsedTask.Title, parsedTask.Body);
                foreach (var kpi in parsedTask.Kpis)
                    task.AddKpi(kpi.Name, kpi.SourceSentence, kpi.Comparator, kpi.Target, kpi.Unit, kpi.Kind);
                foreach (var deliverable in parsedTask.Deliverables)
                    task.AddDeliverable(deliverable.Name, deliverable.Action);
            }
        }

        foreach (var requirement in parsed.Requirements)
            plan.AddRequirement(requirement.Title, requirement.Body);
        return plan;
    }
}

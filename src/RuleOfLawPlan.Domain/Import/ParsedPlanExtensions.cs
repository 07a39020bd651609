using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Import;

public static class ParsedPlanExtensions
{
    /// <summary>
    /// Builds a new draft plan from what the importer read. A document breaking a rule of the plan throws the
    /// rule's <see cref="DomainException"/>, its message prefixed with where in the document it broke (重点工作“…”第3项任务),
    /// because the person importing has a document of dozens of tasks to find it in.
    /// </summary>
    public static WorkPlan ToDraftPlan(this ParsedPlan parsed, int organizationId, int fallbackYear)
    {
        var plan = new WorkPlan(organizationId, parsed.Year ?? fallbackYear, parsed.Title, parsed.IssuingOrgan, parsed.IssueDate);
        plan.SetTexts(parsed.Preamble, parsed.GuidingIdeology, parsed.Leadership);
        foreach (var parsedArea in parsed.Areas)
        {
            // An area tracked as one task keeps its paragraph on that task, not twice.
            var areaBody = parsedArea.Tasks.Any(t => t.Number is null) ? "" : parsedArea.Body;
            var area = At($"重点工作{parsedArea.OrdinalText.TrimEnd('、', '.', '．')}", () => plan.AddArea(parsedArea.Title, areaBody));
            foreach (var parsedTask in parsedArea.Tasks)
            {
                var where = parsedTask.Number is int number ? $"重点工作“{area.Title}”第{number}项任务" : $"重点工作“{area.Title}”";
                At(where, () =>
                {
                    var task = area.AddTask(parsedTask.Number, parsedTask.Title, parsedTask.Body);
                    foreach (var kpi in parsedTask.Kpis)
                        task.AddKpi(kpi.Name, kpi.SourceSentence, kpi.Comparator, kpi.Target, kpi.Unit, kpi.Kind);
                    foreach (var deliverable in parsedTask.Deliverables)
                        task.AddDeliverable(deliverable.Name, deliverable.Action);
                    return task;
                });
            }
        }

        foreach (var (requirement, index) in parsed.Requirements.Select((r, i) => (r, i + 1)))
            At($"工作要求第{index}条", () => plan.AddRequirement(requirement.Title, requirement.Body));
        return plan;
    }

    private static T At<T>(string where, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainException ex)
        {
            throw new DomainException($"{where}：{ex.Message}");
        }
    }
}

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>配合科室: a section that supports a task.</summary>
public sealed class TaskSupport : IAggregatePart<PlanTask>
{
    private TaskSupport() { }

    internal TaskSupport(int sectionId) => SectionId = sectionId;

    public int PlanTaskId { get; private set; }
    public int SectionId { get; private set; }
}

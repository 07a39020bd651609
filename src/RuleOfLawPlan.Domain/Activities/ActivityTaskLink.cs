namespace RuleOfLawPlan.Domain.Activities;

/// <summary>A task of the plan that a register entry served (e.g. a 党组会议 that heard task (一)).</summary>
public sealed class ActivityTaskLink : IAggregatePart<LeadershipActivity>
{
    private ActivityTaskLink() { }

    internal ActivityTaskLink(int planTaskId) => PlanTaskId = planTaskId;

    public int LeadershipActivityId { get; private set; }
    public int PlanTaskId { get; private set; }
}

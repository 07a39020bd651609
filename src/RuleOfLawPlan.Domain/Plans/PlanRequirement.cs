namespace RuleOfLawPlan.Domain.Plans;

/// <summary>四、工作要求: one numbered requirement.</summary>
public sealed class PlanRequirement : IAggregatePart<WorkPlan>
{
    private PlanRequirement() { }

    internal PlanRequirement(int ordinal, string title, string body)
    {
        Ordinal = ordinal;
        Title = Guard.Text(title, 500, "工作要求标题");
        Body = Guard.OptionalText(body, 20_000, "工作要求内容", multiline: true);
    }

    public int Id { get; private set; }
    public int WorkPlanId { get; private set; }
    public int Ordinal { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
}

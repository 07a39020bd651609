namespace RuleOfLawPlan.Domain.Plans;

/// <summary>A named document the task must produce: 修改《…条例》, 起草出台《…办法》.</summary>
public sealed class Deliverable : IAggregatePart<PlanTask>
{
    private Deliverable() { }

    internal Deliverable(string name, DeliverableAction action)
    {
        if (!Enum.IsDefined(action)) throw new DomainException("成果类型无效");
        Name = Guard.Text(name.Trim('《', '》', ' '), 300, "成果名称");
        Action = action;
    }

    public int Id { get; private set; }
    public int PlanTaskId { get; private set; }

    /// <summary>The document's name without 《》.</summary>
    public string Name { get; private set; } = "";

    public DeliverableAction Action { get; private set; }
}
